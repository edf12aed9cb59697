package org.duban.task;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Who may see and act on a user task: its assignee, or while unassigned, its candidate groups. */
@Component
public class TaskAccess {

  private final TaskService taskService;

  TaskAccess(TaskService taskService) {
    this.taskService = taskService;
  }

  public boolean mayWorkOn(Task task, CurrentUser user) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(user.getUsername());
    }
    return isCandidate(task, user);
  }

  boolean isCandidate(Task task, CurrentUser user) {
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getGroupId() != null && user.groupIds().contains(link.getGroupId())) {
        return true;
      }
      if (user.getUsername().equals(link.getUserId())) {
        return true;
      }
    }
    return false;
  }
}
