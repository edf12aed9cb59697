package org.duban.checkin;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Bean behind {@code ${checkInRound.openItemIds()}} in the monthly check-in process. A round
 * opened again in the same month (by hand after the timer, say) asks only items that have
 * neither reported nor an open check-in task for the month, so no item gets a second task it
 * could never complete.
 */
@Component("checkInRound")
public class CheckInRound {

  static final String TASK_KEY = "submitCheckIn";

  private final CheckInService service;
  private final TaskService taskService;

  CheckInRound(CheckInService service, TaskService taskService) {
    this.service = service;
    this.taskService = taskService;
  }

  public Collection<Long> openItemIds() {
    String period = CheckInService.currentPeriod();
    Set<Long> asked = new HashSet<>(service.itemIdsRecordedIn(period));
    for (Task task : taskService.createTaskQuery().taskDefinitionKey(TASK_KEY)
        .processVariableValueEquals("period", period).list()) {
      if (taskService.getVariable(task.getId(), "workItemId") instanceof Number id) {
        asked.add(id.longValue());
      }
    }
    return service.openItemIds().stream().filter(id -> !asked.contains(id)).toList();
  }
}
