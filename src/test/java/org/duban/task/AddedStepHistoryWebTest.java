package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WebTestSupport;
import org.duban.itemhistory.ItemHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A step an admin adds in Modeler, with a form of its own and no Java behind it, is done from the
 * task page and lands in the item's record with who did it and what they entered, in words.
 */
class AddedStepHistoryWebTest extends WebTestSupport {

  private static final String FORM =
      """
      {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
        {"type": "textarea", "id": "f1", "key": "reviewComment", "label": "复核意见", "validate": {"required": true}},
        {"type": "radio", "id": "f2", "key": "reviewResult", "label": "复核结论",
         "values": [{"label": "同意上报", "value": "agree"}, {"label": "退回修改", "value": "back"}]},
        {"type": "checkbox", "id": "f3", "key": "evidenceChecked", "label": "已核对佐证材料"}
      ]}""";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ItemHistory history;

  @Test
  void theAddedStepIsRecordedInTheItemsHistoryWithLabels() throws Exception {
    IssuedItem item = fixture.issuedItem("新增复核环节");
    String key = "added-step-" + UUID.randomUUID().toString().substring(0, 8);
    String formId = key + "-form";
    repositoryService
        .createDeployment()
        .name("test:" + key)
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("extraReview")
                .name("科室复核")
                .camundaCandidateGroups("dept_tmedical")
                .camundaFormRef(formId)
                .camundaFormRefBinding("deployment")
                .endEvent()
                .done())
        .addInputStream(
            formId + ".form",
            new ByteArrayInputStream(FORM.formatted(formId).getBytes(StandardCharsets.UTF_8)))
        .deploy();
    runtimeService.startProcessInstanceByKey(
        key, item.businessKey(), Map.of("workItemId", item.itemId()));
    Task task = taskService.createTaskQuery().processDefinitionKey(key).singleResult();

    String form = html(get("/tasks/{id}", task.getId()));
    assertThat(form).contains("复核意见").contains("同意上报");

    mvc.perform(
            post("/tasks/{id}", task.getId())
                .with(user(hospital.user("tmedhead")))
                .with(csrf())
                .param("reviewComment", "材料齐全，同意")
                .param("reviewResult", "agree")
                .param("evidenceChecked", "true"))
        .andExpect(status().is3xxRedirection());

    assertThat(taskService.createTaskQuery().processDefinitionKey(key).count()).isZero();
    assertThat(history.ofItem(item.itemId()))
        .filteredOn(event -> event.getKind().equals("STEP_DONE"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getActor()).isEqualTo("tmedhead");
              assertThat(event.getDetail()).isEqualTo("科室复核：复核意见：材料齐全，同意；复核结论：同意上报；已核对佐证材料：是");
              assertThat(event.getTaskBookId()).isEqualTo(item.bookId());
            });
    assertThat(html(get("/items/{id}", item.itemId()))).contains("办理环节").contains("复核结论：同意上报");
  }

  private String html(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(user(hospital.user("tmedhead"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
