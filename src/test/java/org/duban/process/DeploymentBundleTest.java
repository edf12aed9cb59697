package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * The five processes and the decision deploy together; forms are looked up in the process's own
 * deployment.
 */
class DeploymentBundleTest extends ProcessTestSupport {

  static final String DRAFT_FORM =
      """
      {"id": "draft-task-book", "type": "default", "schemaVersion": 16, "components": []}
      """;

  @Test
  @Deployment(
      resources = {
        "processes/task-book-issuance.bpmn",
        "processes/department-work.bpmn",
        "processes/monthly-check-in.bpmn",
        "processes/weekly-supervision.bpmn",
        "processes/escalation.bpmn",
        "processes/item-light.dmn"
      })
  void allModelsDeployTogetherWithTenYearsOfHistory() {
    // Given the whole bundle deployed at once, Then every process is there with its name and
    // history time
    assertThat(repositoryService().createProcessDefinitionQuery().list())
        .extracting(
            ProcessDefinition::getKey,
            ProcessDefinition::getName,
            ProcessDefinition::getHistoryTimeToLive)
        .containsExactlyInAnyOrder(
            tuple("taskBookIssuance", "目标任务书下达", 3650),
            tuple("departmentWork", "科室落实工作任务", 3650),
            tuple("monthlyCheckIn", "月度进展填报", 3650),
            tuple("weeklySupervision", "每周督查", 3650),
            tuple("escalation", "督办整改", 3650));
    assertThat(
            repositoryService()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("itemLight")
                .count())
        .isEqualTo(1);
  }

  @Test
  @Deployment(resources = "processes/task-book-issuance.bpmn")
  void deploymentWithoutFormsRunsAndFailsOnlyWhenTheFormIsFetched() {
    // Given a deployment of the process without its forms
    ProcessInstance issuance =
        runtimeService()
            .startProcessInstanceByKey(
                "taskBookIssuance", withVariables("taskBookId", 9L, "issuer", "li.ke"));

    // Then the task is created and knows its form reference
    Task draft = task("draftTaskBook", issuance);
    assertForm(draft, "draft-task-book");

    // But fetching the form fails, because formRefBinding=deployment looks only in this deployment
    assertThatThrownBy(() -> formService().getDeployedTaskForm(draft.getId()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("draft-task-book");
  }

  @Test
  void formDeployedInTheSameBundleIsFoundForTheTask() throws IOException {
    // Given the process deployed together with its form, under the same relative names as the app
    // uses
    var deployment =
        repositoryService()
            .createDeployment()
            .name("duban")
            .addClasspathResource("processes/task-book-issuance.bpmn")
            .addString("forms/draft-task-book.form", DRAFT_FORM)
            .deploy();
    engine.manageDeployment(deployment);
    ProcessInstance issuance =
        runtimeService()
            .startProcessInstanceByKey(
                "taskBookIssuance", withVariables("taskBookId", 9L, "issuer", "li.ke"));

    // When the task's form is fetched
    try (InputStream form =
        formService().getDeployedTaskForm(task("draftTaskBook", issuance).getId())) {
      // Then it is the form of that deployment
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"draft-task-book\"");
    }
  }
}
