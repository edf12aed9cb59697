package org.duban.book;

import java.util.Collection;
import java.util.List;
import org.duban.infrastructure.NotFound;
import org.duban.org.Department;
import org.duban.org.EmptyDepartments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Bean behind the assignment expressions of the department-work and escalation processes. */
@Component("workItemRouting")
public class WorkItemRouting {

  private final WorkItemRepository workItems;
  private final SubTaskRepository subTasks;
  private final EmptyDepartments emptyDepartments;

  WorkItemRouting(
      WorkItemRepository workItems, SubTaskRepository subTasks, EmptyDepartments emptyDepartments) {
    this.workItems = workItems;
    this.subTasks = subTasks;
    this.emptyDepartments = emptyDepartments;
  }

  /**
   * The lead department's group; while nobody could act for the department and the setting says so
   * (duban.issuing.empty-department: supervision-office), the supervision office's, so the task
   * does not sit in nobody's inbox. Evaluated when each task is created: once the department has a
   * head, its next tasks go to it.
   */
  @Transactional(readOnly = true)
  public String leadGroup(Long workItemId) {
    Department lead = workItems.findById(workItemId).orElseThrow(NotFound::new).getLeadDepartment();
    if (emptyDepartments.routesToSupervisionOffice() && emptyDepartments.isEmpty(lead.getId())) {
      return EmptyDepartments.supervisionOfficeGroup();
    }
    return lead.groupId();
  }

  @Transactional(readOnly = true)
  public String leaderInCharge(Long workItemId) {
    return workItems
        .findById(workItemId)
        .orElseThrow(NotFound::new)
        .getLeaderInCharge()
        .getUsername();
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
