package org.duban.task;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.notification.Recipients;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.springframework.stereotype.Component;

/**
 * Who holds an open user task: its assignee, or while unassigned, its candidate users and the
 * members of its candidate groups, as usernames of active people. Reminders and urges are for them.
 * A step only a department's head or deputies take ({@link TaskAccess#LEADERS_ONLY}) is held by the
 * department's leaders, not by all its members, as {@link TaskAccess} lets only them act on it.
 */
@Component
public class TaskHolders {

  private final TaskService taskService;
  private final Recipients recipients;
  private final DepartmentRepository departments;

  TaskHolders(TaskService taskService, Recipients recipients, DepartmentRepository departments) {
    this.taskService = taskService;
    this.recipients = recipients;
    this.departments = departments;
  }

  public Set<String> of(Task task) {
    Set<String> named = new LinkedHashSet<>();
    Set<String> members = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      named.add(task.getAssignee());
    } else {
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null) {
          named.add(link.getUserId());
        } else if (link.getGroupId() != null) {
          members.addAll(holdersOfGroup(task, link.getGroupId()));
        }
      }
    }
    Set<String> holders = new LinkedHashSet<>(recipients.activeOnly(named));
    holders.addAll(members);
    return holders;
  }

  private Set<String> holdersOfGroup(Task task, String group) {
    if (TaskAccess.LEADERS_ONLY.contains(task.getTaskDefinitionKey())
        && group.startsWith(Department.GROUP_PREFIX)) {
      return departments
          .findByCode(group.substring(Department.GROUP_PREFIX.length()))
          .map(d -> recipients.headsOf(d.getId()))
          .orElse(Set.of());
    }
    return recipients.ofGroup(group);
  }
}
