package org.duban.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.WebTestSupport;
import org.duban.audit.AuditLog;
import org.duban.audit.AuditSearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Instances waiting at a user task move to a new version that adds a review step before that task;
 * an instance waiting at a step the new version removed is shown with its reason and stays.
 */
class InstanceMigrationWebTest extends WebTestSupport {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired InstanceMigration migration;
  @Autowired AuditLog auditLog;

  String key;

  @BeforeEach
  void deployFirstVersion() {
    hospital.ensure();
    key = "migration-test-" + UUID.randomUUID().toString().substring(0, 8);
    deploy(
        Bpmn.createExecutableProcess(key)
            .name("迁移测试")
            .camundaHistoryTimeToLive(30)
            .startEvent("start")
            .userTask("claimItem")
            .name("认领事项")
            .userTask("finish")
            .name("收尾")
            .endEvent("end")
            .done());
  }

  @Test
  void instancesAtAUserTaskMoveToAVersionWithAStepAddedBeforeIt() throws Exception {
    ProcessInstance first = runtimeService.startProcessInstanceByKey(key, "item-1");
    ProcessInstance second = runtimeService.startProcessInstanceByKey(key, "item-2");
    ProcessInstance atFinish = runtimeService.startProcessInstanceByKey(key, "item-3");
    complete(atFinish, "claimItem");
    Task claimBefore = task(first);
    deploySecondVersion();

    String page = page("/admin/models/" + key + "/migrate?from=1");
    assertThat(page)
        .contains("从 v1 迁移到 v2")
        .contains("认领事项")
        .contains("复核") // the new step, listed as added
        .contains("收尾") // the removed step, listed as unmapped
        .contains("实例：2 个可以迁移，1 个不能迁移")
        .contains("所在环节「收尾」在新版本中没有对应的环节")
        .contains("迁移 2 个实例到 v2");

    MigrationPreview preview = migration.preview(key, 1);
    assertThat(preview.unmapped())
        .extracting(MigrationPreview.Activity::name)
        .containsExactly("收尾");
    assertThat(preview.added()).extracting(MigrationPreview.Activity::name).containsExactly("复核");
    assertThat(preview.mappings())
        .extracting(m -> m.source().id() + ">" + m.target().id())
        .containsExactly("claimItem>claimItem");
    assertThat(preview.movable())
        .extracting(MigrationPreview.InstanceVerdict::businessKey)
        .containsExactlyInAnyOrder("item-1", "item-2");
    assertThat(preview.stuck())
        .extracting(MigrationPreview.InstanceVerdict::businessKey)
        .containsExactly("item-3");
    // the preview is a dry run: nothing moved yet
    assertThat(definitionVersion(first)).isEqualTo(1);

    mvc.perform(
            post("/admin/models/" + key + "/migrate")
                .param("from", "1")
                .with(user(hospital.user("tadmin")))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(definitionVersion(first)).isEqualTo(2);
    assertThat(definitionVersion(second)).isEqualTo(2);
    assertThat(definitionVersion(atFinish)).isEqualTo(1);
    Task claimAfter = task(first);
    assertThat(claimAfter.getId()).isEqualTo(claimBefore.getId());
    assertThat(claimAfter.getTaskDefinitionKey()).isEqualTo("claimItem");
    assertThat(claimAfter.getProcessDefinitionId()).isEqualTo(definitionId(2));

    // the moved instance follows the new model from there on; the one left behind, the old
    complete(first, "claimItem");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first.getId()).count())
        .isZero();
    complete(atFinish, "finish");
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(atFinish.getId()).count())
        .isZero();

    assertThat(
            auditLog
                .search(
                    new AuditSearch(null, "model.migrate", "process", key, null, null, null), 0, 10)
                .getContent())
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getBefore()).contains(first.getId()).contains(second.getId()));
  }

  @Test
  void aNewInstanceOfTheNewVersionPassesTheAddedStep() {
    deploySecondVersion();
    ProcessInstance fresh = runtimeService.startProcessInstanceByKey(key, "item-new");
    assertThat(task(fresh).getTaskDefinitionKey()).isEqualTo("review");
    assertThat(migration.versions(key))
        .extracting(InstanceMigration.VersionLoad::runningInstances)
        .containsExactly(1L, 0L);
  }

  @Test
  void theLatestVersionHasNothingToMoveTo() throws Exception {
    runtimeService.startProcessInstanceByKey(key, "item-1");
    String page = page("/admin/models/" + key + "/migrate?from=1");
    assertThat(page).contains("这已是最新版本，无需迁移");
  }

  @Test
  void onlyAdminsMayPreviewOrMigrate() throws Exception {
    runtimeService.startProcessInstanceByKey(key, "item-1");
    deploySecondVersion();
    mvc.perform(get("/admin/models/" + key + "/migrate").with(user(hospital.user("tmedhead"))))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/models/" + key + "/migrate")
                .param("from", "1")
                .with(user(hospital.user("tleader")))
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(migration.versions(key).get(1).runningInstances()).isEqualTo(1);
  }

  @Test
  void anUnknownProcessIsNotFound() throws Exception {
    mvc.perform(get("/admin/models/no-such-process/migrate").with(user(hospital.user("tadmin"))))
        .andExpect(status().isNotFound());
  }

  private void deploySecondVersion() {
    deploy(
        Bpmn.createExecutableProcess(key)
            .name("迁移测试")
            .camundaHistoryTimeToLive(30)
            .startEvent("start")
            .userTask("review")
            .name("复核")
            .userTask("claimItem")
            .name("认领事项")
            .endEvent("end")
            .done());
  }

  private void deploy(BpmnModelInstance model) {
    repositoryService
        .createDeployment()
        .name("test:" + key)
        .addModelInstance(key + ".bpmn", model)
        .deploy();
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(user(hospital.user("tadmin"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private Task task(ProcessInstance instance) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private void complete(ProcessInstance instance, String taskKey) {
    Task task = task(instance);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    taskService.complete(task.getId());
  }

  private int definitionVersion(ProcessInstance instance) {
    String definitionId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .singleResult()
            .getProcessDefinitionId();
    return repositoryService.getProcessDefinition(definitionId).getVersion();
  }

  private String definitionId(int version) {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .processDefinitionVersion(version)
        .singleResult()
        .getId();
  }
}
