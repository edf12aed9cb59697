package org.duban.workitem;

import java.util.Collection;
import java.util.List;
import org.duban.infrastructure.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Bean behind the assignment expressions of the department-work and escalation processes. */
@Component("workItemRouting")
public class WorkItemRouting {

  private final WorkItemRepository workItems;
  private final SubTaskRepository subTasks;

  WorkItemRouting(WorkItemRepository workItems, SubTaskRepository subTasks) {
    this.workItems = workItems;
    this.subTasks = subTasks;
  }

  @Transactional(readOnly = true)
  public String leadGroup(Long workItemId) {
    return workItems.findById(workItemId).orElseThrow(NotFound::new).getLeadDepartment().groupId();
  }

  @Transactional(readOnly = true)
  public String leaderInCharge(Long workItemId) {
    return workItems.findById(workItemId).orElseThrow(NotFound::new).getLeaderInCharge().getUsername();
  }

  @Transactional(readOnly = true)
  public Collection<Long> subTaskIds(Long workItemId) {
    return subTasks.findByWorkItemIdAndStatusOrderByIdAsc(workItemId, SubTask.Status.OPEN).stream()
        .map(SubTask::getId)
        .toList();
  }

  @Transactional(readOnly = true)
  public String subTaskAssignee(Long subTaskId) {
    SubTask subTask = subTasks.findById(subTaskId).orElseThrow(NotFound::new);
    return subTask.getAssigneePerson() == null ? null : subTask.getAssigneePerson().getUsername();
  }

  @Transactional(readOnly = true)
  public Collection<String> subTaskGroups(Long subTaskId) {
    SubTask subTask = subTasks.findById(subTaskId).orElseThrow(NotFound::new);
    return subTask.getAssigneeDepartment() == null
        ? List.of()
        : List.of(subTask.getAssigneeDepartment().groupId());
  }
}
