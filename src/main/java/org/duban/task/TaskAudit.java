package org.duban.task;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * A task decision as the audit log keeps it: which task of which process, the item or book it was
 * about, and the values the person submitted.
 */
record TaskAudit(
    String task,
    String taskKey,
    String processInstanceId,
    Long workItemId,
    Long taskBookId,
    Map<String, Object> values) {

  static TaskAudit of(Task task, TaskContext context, Map<String, Object> values) {
    return new TaskAudit(
        task.getName(),
        task.getTaskDefinitionKey(),
        task.getProcessInstanceId(),
        context.workItemId(),
        context.taskBookId(),
        values);
  }
}
