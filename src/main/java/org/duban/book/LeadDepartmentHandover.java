package org.duban.book;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When an item gets a new lead department, the tasks the old one still holds for it (claim,
 * breakdown, report, check-in, rectification) move to the new department's group, so nothing is
 * left with a department that no longer answers for the item.
 */
@Component
public class LeadDepartmentHandover {

  private static final Logger log = LoggerFactory.getLogger(LeadDepartmentHandover.class);

  private final TaskService taskService;

  LeadDepartmentHandover(TaskService taskService) {
    this.taskService = taskService;
  }

  public int handOver(Long workItemId, String oldGroup, String newGroup) {
    List<Task> tasks = new ArrayList<>(
        taskService.createTaskQuery().processInstanceBusinessKey("item-" + workItemId).taskCandidateGroup(oldGroup).list());
    taskService.createTaskQuery().taskDefinitionKey("submitCheckIn").taskCandidateGroup(oldGroup).list().stream()
        .filter(task -> workItemId.equals(taskService.getVariable(task.getId(), "workItemId")))
        .forEach(tasks::add);
    for (Task task : tasks) {
      taskService.deleteCandidateGroup(task.getId(), oldGroup);
      taskService.addCandidateGroup(task.getId(), newGroup);
      // someone of the old department may have claimed it: it goes back to the new one's pool
      if (task.getAssignee() != null) {
        taskService.setAssignee(task.getId(), null);
      }
    }
    log.info("item {}: {} open tasks handed from {} to {}", workItemId, tasks.size(), oldGroup, newGroup);
    return tasks.size();
  }

}
