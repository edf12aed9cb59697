package org.duban.book;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.task.TaskHandover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When an item gets a new lead department, the tasks the old one still holds for it (claim,
 * breakdown, report, check-in, rectification) move to the new department's group, so nothing is
 * left with a department that no longer answers for the item. Which tasks are the item's is the
 * book's business; moving them is the task layer's ({@link TaskHandover#handOverToGroup}).
 */
@Component
public class LeadDepartmentHandover {

  private static final Logger log = LoggerFactory.getLogger(LeadDepartmentHandover.class);

  private final TaskService taskService;
  private final TaskHandover handover;

  LeadDepartmentHandover(TaskService taskService, TaskHandover handover) {
    this.taskService = taskService;
    this.handover = handover;
  }

  public int handOver(Long workItemId, String oldGroup, String newGroup) {
    List<Task> tasks =
        new ArrayList<>(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey("item-" + workItemId)
                .taskCandidateGroup(oldGroup)
                .list());
    taskService
        .createTaskQuery()
        .taskDefinitionKey("submitCheckIn")
        .taskCandidateGroup(oldGroup)
        .list()
        .stream()
        .filter(task -> workItemId.equals(taskService.getVariable(task.getId(), "workItemId")))
        .forEach(tasks::add);
    // someone of the old department may have claimed one: it goes back to the new one's pool
    int count = handover.handOverToGroup(tasks, oldGroup, newGroup);
    log.info("item {}: {} open tasks handed from {} to {}", workItemId, count, oldGroup, newGroup);
    return count;
  }
}
