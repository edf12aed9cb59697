package org.duban.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.book.WorkItemClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled (撤销) item owes no check-in: its open {@code submitCheckIn} in a running round ends,
 * so it is neither reminded nor recorded as missed. The item's inner instance of {@code
 * checkInPerItem} is cancelled by process instance modification; the round goes on for the other
 * items (the last one cancelled ends the round, whose only next step is its end event). In the
 * cancelling transaction.
 */
@Component
class CheckInEndsWithItem {

  private static final Logger log = LoggerFactory.getLogger(CheckInEndsWithItem.class);

  private static final String PER_ITEM = "checkInPerItem";

  private final TaskService taskService;
  private final RuntimeService runtimeService;

  CheckInEndsWithItem(TaskService taskService, RuntimeService runtimeService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  @EventListener
  void on(WorkItemClosed closed) {
    if (closed.why() != WorkItemClosed.Why.CANCELLED) {
      return; // an accepted item's open check-in is still its last report; left as it was
    }
    List<Task> open =
        taskService
            .createTaskQuery()
            .processDefinitionKey(CheckInRounds.PROCESS_KEY)
            .taskDefinitionKey(CheckInTasks.SUBMIT)
            .list();
    for (Task task : open) {
      if (!Objects.equals(
          closed.workItemId(),
          toLong(runtimeService.getVariable(task.getExecutionId(), "workItemId")))) {
        continue;
      }
      String perItem =
          perItemInstance(
              runtimeService.getActivityInstance(task.getProcessInstanceId()),
              task.getExecutionId());
      if (perItem == null) {
        continue;
      }
      runtimeService
          .createProcessInstanceModification(task.getProcessInstanceId())
          .cancelActivityInstance(perItem)
          .execute();
      log.info("check-in {} of cancelled item {} ended", task.getId(), closed.workItemId());
    }
  }

  /** The inner instance of checkInPerItem that holds the task's execution, or null. */
  private static String perItemInstance(ActivityInstance root, String executionId) {
    List<ActivityInstance> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      ActivityInstance next = pending.remove(pending.size() - 1);
      if (PER_ITEM.equals(next.getActivityId()) && holds(next, executionId)) {
        return next.getId();
      }
      pending.addAll(List.of(next.getChildActivityInstances()));
    }
    return null;
  }

  private static boolean holds(ActivityInstance instance, String executionId) {
    if (List.of(instance.getExecutionIds()).contains(executionId)) {
      return true;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (holds(child, executionId)) {
        return true;
      }
    }
    return false;
  }

  private static Long toLong(Object value) {
    return value instanceof Number number ? number.longValue() : null;
  }
}
