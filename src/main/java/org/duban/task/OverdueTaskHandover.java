package org.duban.task;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.duban.notification.Message;
import org.duban.notification.MessageKind;
import org.duban.notification.Notifier;
import org.duban.notification.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A waiting step missed its deadline: the next person gets it. The modeller draws a
 * non-interrupting timer at the task's due moment and a service task {@code
 * ${handOverOverdueTaskDelegate}} after it, with the input parameter {@code nextPerson} (a username
 * or a collection of them, e.g. the leader in charge) and/or {@code nextGroup} (a Camunda group).
 * The next person becomes a candidate of the task, so it is in their inbox, and is told which step
 * missed which deadline; with {@code nextMayAct = false} (a step only its holders may do, such as
 * signing for a department or a leader's review) the next person is told to chase it and gets no
 * right to do it. The task itself stays, with what was already entered, and its holders keep it too
 * (an assigned task becomes a shared one its assignee is a candidate of, since only an assignee may
 * act on an assigned task). Inside a multi-instance only the task of the same branch (same {@code
 * workItemId} / {@code departmentId}) is meant. Running the job twice adds nobody twice and tells
 * nobody twice.
 */
@Component("handOverOverdueTaskDelegate")
public class OverdueTaskHandover implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(OverdueTaskHandover.class);
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TaskService taskService;
  private final Notifier notifier;
  private final Recipients recipients;

  public OverdueTaskHandover(TaskService taskService, Notifier notifier, Recipients recipients) {
    this.taskService = taskService;
    this.notifier = notifier;
    this.recipients = recipients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BoundaryEvent timer = boundaryBefore(execution);
    String taskKey = timer.getAttachedTo().getId();
    Set<String> users = names(execution.getVariableLocal("nextPerson"));
    Set<String> groups = names(execution.getVariableLocal("nextGroup"));
    boolean mayAct = !Boolean.FALSE.equals(execution.getVariableLocal("nextMayAct"));
    for (Task task :
        taskService
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(taskKey)
            .list()) {
      if (!sameBranch(execution, task, "workItemId")
          || !sameBranch(execution, task, "departmentId")) {
        continue;
      }
      handOver(task, timer.getId(), users, groups, mayAct, workItemId(execution));
    }
  }

  private void handOver(
      Task task,
      String timerId,
      Set<String> users,
      Set<String> groups,
      boolean mayAct,
      Long workItemId) {
    Set<String> linkedUsers = new LinkedHashSet<>();
    Set<String> linkedGroups = new LinkedHashSet<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          linkedUsers.add(link.getUserId());
        }
        if (link.getGroupId() != null) {
          linkedGroups.add(link.getGroupId());
        }
      }
    }
    if (mayAct && task.getAssignee() != null) {
      // a task someone holds is open to one person only (TaskAccess): it goes back to a shared task
      // that its holder keeps as a candidate and the next person may take
      if (!linkedUsers.contains(task.getAssignee())) {
        taskService.addCandidateUser(task.getId(), task.getAssignee());
        linkedUsers.add(task.getAssignee());
      }
      taskService.setAssignee(task.getId(), null);
    }
    if (mayAct) {
      users.stream()
          .filter(u -> !linkedUsers.contains(u))
          .forEach(u -> taskService.addCandidateUser(task.getId(), u));
      groups.stream()
          .filter(g -> !linkedGroups.contains(g))
          .forEach(g -> taskService.addCandidateGroup(task.getId(), g));
    }
    Set<String> to = new LinkedHashSet<>(recipients.activeOnly(users));
    groups.forEach(g -> to.addAll(recipients.ofGroup(g)));
    if (to.isEmpty()) {
      log.warn(
          "overdue task {} ({}) has no next person", task.getId(), task.getTaskDefinitionKey());
      return;
    }
    String due =
        task.getDueDate() == null
            ? null
            : LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault())
                .format(DUE);
    TaskNotes.Words words = TaskNotes.overdue(task.getName(), due, mayAct);
    notifier.send(
        Message.worded(
            "overdue-" + task.getId() + "-" + timerId,
            to,
            workItemId,
            MessageKind.REMINDER,
            words.title(),
            words.body(),
            "/tasks/" + task.getId()));
    log.info("overdue task {} ({}) handed to {}", task.getId(), task.getTaskDefinitionKey(), to);
  }

  private boolean sameBranch(DelegateExecution execution, Task task, String variable) {
    Object mine = execution.getVariable(variable);
    return mine == null || Objects.equals(mine, taskService.getVariable(task.getId(), variable));
  }

  private static Long workItemId(DelegateExecution execution) {
    return execution.getVariable("workItemId") instanceof Number n ? n.longValue() : null;
  }

  private static Set<String> names(Object value) {
    Set<String> names = new LinkedHashSet<>();
    if (value instanceof Collection<?> many) {
      many.stream()
          .filter(Objects::nonNull)
          .map(Object::toString)
          .filter(s -> !s.isBlank())
          .forEach(names::add);
    } else if (value != null && !value.toString().isBlank()) {
      names.add(value.toString());
    }
    return names;
  }

  private static BoundaryEvent boundaryBefore(DelegateExecution execution) {
    FlowNode self = (FlowNode) execution.getBpmnModelElementInstance();
    for (SequenceFlow incoming : self.getIncoming()) {
      if (incoming.getSource() instanceof BoundaryEvent boundary) {
        return boundary;
      }
    }
    throw new IllegalStateException(
        "handOverOverdueTaskDelegate must follow a timer attached to a user task, not "
            + self.getId());
  }
}
