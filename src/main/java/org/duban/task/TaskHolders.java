package org.duban.task;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.notification.Recipients;
import org.springframework.stereotype.Component;

/**
 * Who holds an open user task: its assignee, or while unassigned, its candidate users and the members
 * of its candidate groups, as usernames of active people. Reminders and urges are for them.
 */
@Component
public class TaskHolders {

  private final TaskService taskService;
  private final Recipients recipients;

  TaskHolders(TaskService taskService, Recipients recipients) {
    this.taskService = taskService;
    this.recipients = recipients;
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
          members.addAll(recipients.ofGroup(link.getGroupId()));
        }
      }
    }
    Set<String> holders = new LinkedHashSet<>(recipients.activeOnly(named));
    holders.addAll(members);
    return holders;
  }
}
