package org.duban.urge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.book.ItemFacts;
import org.duban.notification.Recipients;
import org.duban.task.TaskHolders;
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
  private final TaskHolders holders;

  UrgeRecipients(TaskService taskService, Recipients recipients, TaskHolders holders) {
    this.taskService = taskService;
    this.recipients = recipients;
    this.holders = holders;
  }

  @Transactional(readOnly = true)
  Set<String> of(ItemFacts item) {
    Set<String> to = new LinkedHashSet<>(recipients.headsOf(item.leadDepartmentId()));
    openTasks(item).values().forEach(task -> to.addAll(holders.of(task)));
    return to;
  }

  /**
   * The item's department work and escalation run under its business key; a monthly check-in runs
   * in a round of all items, where the item is a variable of its branch: those tasks are looked for
   * among the lead department's only (a query on the variable alone matches the whole round).
   */
  private Map<String, Task> openTasks(ItemFacts item) {
    Map<String, Task> tasks = new LinkedHashMap<>();
    taskService
        .createTaskQuery()
        .processInstanceBusinessKey("item-" + item.id())
        .active()
        .list()
        .forEach(task -> tasks.put(task.getId(), task));
    taskService
        .createTaskQuery()
        .taskCandidateGroup(item.leadDepartmentGroupId())
        .includeAssignedTasks()
        .processVariableValueEquals("workItemId", item.id())
        .active()
        .list()
        .stream()
        .filter(task -> !tasks.containsKey(task.getId()))
        .filter(task -> item.id().equals(taskService.getVariable(task.getId(), "workItemId")))
        .forEach(task -> tasks.put(task.getId(), task));
    return tasks;
  }
}
