package org.duban.checkin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.infrastructure.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Bean behind {@code ${checkInRound.openItemIds()}} in the monthly check-in process. A round opened
 * again for the same month (by hand after the timer, say) asks only items that have neither
 * reported nor an open check-in task for the month, so no item gets a second task it could never
 * complete.
 */
@Component("checkInRound")
public class CheckInRound {

  static final String TASK_KEY = "submitCheckIn";

  private final CheckInService service;
  private final TaskService taskService;
  private final CheckInSettings settings;

  CheckInRound(CheckInService service, TaskService taskService, CheckInSettings settings) {
    this.service = service;
    this.taskService = taskService;
    this.settings = settings;
  }

  public Collection<Long> openItemIds() {
    LocalDate today = EngineClock.today();
    String period = settings.periodCoveredBy(today);
    Set<Long> asked = new HashSet<>(service.itemIdsRecordedIn(period));
    // a round of an older release names the month after the one it asks for (RoundPeriod)
    for (String named : Set.of(period, YearMonth.parse(period).plusMonths(1).toString())) {
      for (Task task :
          taskService
              .createTaskQuery()
              .taskDefinitionKey(TASK_KEY)
              .processVariableValueEquals(RoundPeriod.PERIOD, named)
              .list()) {
        Map<String, Object> variables =
            taskService.getVariables(
                task.getId(), List.of(RoundPeriod.PERIOD, RoundPeriod.OPENED_ON, "workItemId"));
        if (period.equals(
                RoundPeriod.of(
                    variables.get(RoundPeriod.PERIOD),
                    variables.get(RoundPeriod.OPENED_ON),
                    settings,
                    today))
            && variables.get("workItemId") instanceof Number id) {
          asked.add(id.longValue());
        }
      }
    }
    return service.openItemIds().stream().filter(id -> !asked.contains(id)).toList();
  }
}
