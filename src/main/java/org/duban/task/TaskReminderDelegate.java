package org.duban.task;

import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.duban.notification.Message;
import org.duban.notification.MessageKind;
import org.duban.notification.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A reminder for the user task a non-interrupting timer is attached to: the modeller draws a timer
 * on a task and a service task {@code ${taskReminderDelegate}} after it, and whoever holds the task
 * is reminded. Inside a multi-instance, only the task of the same work item is meant. A reminder is
 * sent once per task and timer, however often the job runs.
 */
@Component("taskReminderDelegate")
class TaskReminderDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(TaskReminderDelegate.class);

  private final TaskService taskService;
  private final Notifier notifier;
  private final TaskHolders holders;
  private final AllTaskSubjects subjects;

  TaskReminderDelegate(
      TaskService taskService, Notifier notifier, TaskHolders holders, AllTaskSubjects subjects) {
    this.taskService = taskService;
    this.notifier = notifier;
    this.holders = holders;
    this.subjects = subjects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BoundaryEvent timer = boundaryBefore(execution);
    String taskKey = timer.getAttachedTo().getId();
    Object workItemId = execution.getVariable("workItemId");
    for (Task task :
        taskService
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(taskKey)
            .list()) {
      if (workItemId != null
          && !Objects.equals(workItemId, taskService.getVariable(task.getId(), "workItemId"))) {
        continue;
      }
      // a department's branch of a multi-instance (the year-end score review) is meant alone too
      Object departmentId = execution.getVariable("departmentId");
      if (departmentId != null
          && !Objects.equals(departmentId, taskService.getVariable(task.getId(), "departmentId"))) {
        continue;
      }
      remind(task, timer.getId(), workItemId instanceof Number n ? n.longValue() : null);
    }
  }

  private void remind(Task task, String timerId, Long workItemId) {
    Set<String> to = holders.of(task);
    if (to.isEmpty()) {
      log.warn(
          "reminder {} for task {} ({}) has nobody to tell",
          timerId,
          task.getId(),
          task.getTaskDefinitionKey());
      return;
    }
    String itemTitle =
        workItemId == null
            ? null
            : subjects
                .of(new TaskContext(null, workItemId, null))
                .map(TaskSubject::title)
                .orElse(null);
    TaskNotes.Words words = TaskNotes.reminder(task.getName(), itemTitle);
    notifier.send(
        Message.worded(
            "reminder-" + task.getId() + "-" + timerId,
            to,
            workItemId,
            MessageKind.REMINDER,
            words.title(),
            words.body(),
            "/tasks/" + task.getId()));
  }

  private static BoundaryEvent boundaryBefore(DelegateExecution execution) {
    FlowNode self = (FlowNode) execution.getBpmnModelElementInstance();
    for (SequenceFlow incoming : self.getIncoming()) {
      if (incoming.getSource() instanceof BoundaryEvent boundary) {
        return boundary;
      }
    }
    throw new IllegalStateException(
        "taskReminderDelegate must follow a timer attached to a user task, not " + self.getId());
  }
}
