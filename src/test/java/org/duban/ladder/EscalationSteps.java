package org.duban.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves an item's escalation in tests: its due jobs as the job executor would run them, its one
 * open task.
 */
@Component
class EscalationSteps {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;

  EscalationSteps(
      RuntimeService runtimeService, ManagementService managementService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
  }

  /** Runs the item's due jobs one by one in due order, as the job executor would. */
  void runDueJobs(String businessKey) {
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("escalation")
            .processInstanceBusinessKey(businessKey)
            .singleResult()
            .getId();
    for (int round = 0; round < 20; round++) {
      List<Job> due =
          managementService
              .createJobQuery()
              .processInstanceId(instance)
              .executable()
              .orderByJobDuedate()
              .asc()
              .list();
      if (due.isEmpty()) {
        return;
      }
      managementService.executeJob(due.get(0).getId());
    }
  }

  /** The item's one open task of this step. */
  Task single(String businessKey, String taskKey) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey)
            .taskDefinitionKey(taskKey)
            .list();
    assertThat(tasks).as("open %s of %s", taskKey, businessKey).hasSize(1);
    return tasks.get(0);
  }
}
