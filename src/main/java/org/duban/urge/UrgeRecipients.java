package org.duban.urge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.notification.Recipients;
import org.duban.workitem.WorkItem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an urge is for: the heads of the item's lead department, and whoever holds one of the item's
 * open user tasks (its assignee, or while unassigned, its candidate users and the members of its
 * candidate groups), as usernames of active people.
 */
@Component
class UrgeRecipients {

  private final TaskService taskService;
  private final Recipients recipients;

  UrgeRecipients(TaskService taskService, Recipients recipients) {
    this.taskService = taskService;
    this.recipients = recipients;
  }

  @Transactional(readOnly = true)
  Set<String> of(WorkItem item) {
    Set<String> to = new LinkedHashSet<>(recipients.headsOf(item.getLeadDepartment().getId()));
    Set<String> named = new LinkedHashSet<>();
    for (Task task : openTasks(item).values()) {
      if (task.getAssignee() != null) {
        named.add(task.getAssignee());
        continue;
      }
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null) {
          named.add(link.getUserId());
        } else if (link.getGroupId() != null) {
          to.addAll(recipients.ofGroup(link.getGroupId()));
        }
      }
    }
    to.addAll(recipients.activeOnly(named));
    return to;
  }

  /**
   * The item's department work and escalation run under its business key; a monthly check-in runs
   * in a round of all items, where the item is a variable of its branch: those tasks are looked for
   * among the lead department's only (a query on the variable alone matches the whole round).
   */
  private Map<String, Task> openTasks(WorkItem item) {
    Map<String, Task> tasks = new LinkedHashMap<>();
    taskService.createTaskQuery().processInstanceBusinessKey("item-" + item.getId()).active().list()
        .forEach(task -> tasks.put(task.getId(), task));
    taskService.createTaskQuery()
        .taskCandidateGroup(item.getLeadDepartment().groupId())
        .includeAssignedTasks()
        .processVariableValueEquals("workItemId", item.getId())
        .active()
        .list().stream()
        .filter(task -> !tasks.containsKey(task.getId()))
        .filter(task -> item.getId().equals(taskService.getVariable(task.getId(), "workItemId")))
        .forEach(task -> tasks.put(task.getId(), task));
    return tasks;
  }
}
