package org.duban.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 point 15: the migration preview names each instance's item (or book) by its title, with
 * a link to its page, instead of only a business key such as {@code item-42}.
 */
class MigrationPreviewSubjectWebTest extends WebTestSupport {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @Test
  void eachInstanceIsNamedByItsItemsTitleWithALink() throws Exception {
    hospital.ensure();
    IssuedItem byKey = fixture.issuedItem("迁移预览按业务键的事项");
    IssuedItem byVariable = fixture.issuedItem("迁移预览按变量的事项");
    String key = "migration-subject-" + UUID.randomUUID().toString().substring(0, 8);
    deploy(key, model(key, false));
    runtimeService.startProcessInstanceByKey(key, byKey.businessKey());
    runtimeService.startProcessInstanceByKey(key, Map.of("workItemId", byVariable.itemId()));
    runtimeService.startProcessInstanceByKey(key, "book-" + byKey.bookId());
    runtimeService.startProcessInstanceByKey(key, "sweep-1");
    deploy(key, model(key, true));

    String page =
        mvc.perform(
                get("/admin/models/" + key + "/migrate?from=1").with(user(hospital.user("tadmin"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .contains("href=\"/items/" + byKey.itemId() + "\"")
        .contains("事项「迁移预览按业务键的事项」")
        .contains("href=\"/items/" + byVariable.itemId() + "\"")
        .contains("事项「迁移预览按变量的事项」")
        .contains("href=\"/books/" + byKey.bookId() + "\"")
        .contains("任务书「迁移预览按业务键的事项任务书」")
        .contains("sweep-1");
  }

  static BpmnModelInstance model(String key, boolean withReview) {
    var start =
        Bpmn.createExecutableProcess(key)
            .name("迁移预览")
            .camundaHistoryTimeToLive(30)
            .startEvent("start");
    return (withReview
            ? start.userTask("review").name("复核").userTask("claimItem")
            : start.userTask("claimItem"))
        .name("认领事项")
        .endEvent("end")
        .done();
  }

  void deploy(String key, BpmnModelInstance model) {
    repositoryService
        .createDeployment()
        .name("test:" + key)
        .addModelInstance(key + ".bpmn", model)
        .deploy();
  }
}
