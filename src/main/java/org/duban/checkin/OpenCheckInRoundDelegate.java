package org.duban.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Names the month a round reports on, so every check-in of the round is filed under it, and sets
 * when the round's check-ins count as missed: the model's {@code dueAfterWorkingDays} working days
 * from today are the last days to report; the morning of the next working day they are overdue.
 */
@Component("openCheckInRoundDelegate")
class OpenCheckInRoundDelegate implements JavaDelegate {

  static final int DEFAULT_WORKING_DAYS = 5;
  static final int OVERDUE_HOUR = 9;

  private final WorkCalendar calendar;

  OpenCheckInRoundDelegate(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("period", CheckInService.currentPeriod());
    int workingDays = workingDays(execution.getVariableLocal("dueAfterWorkingDays"));
    var lastDay = calendar.addWorkingDays(EngineClock.today(), workingDays);
    var overdue = calendar.addWorkingDays(lastDay, 1).atTime(OVERDUE_HOUR, 0);
    execution.setVariable("checkInDueDate", EngineClock.toDate(overdue));
  }

  private static int workingDays(Object configured) {
    if (configured == null || configured.toString().isBlank()) {
      return DEFAULT_WORKING_DAYS;
    }
    try {
      int days = Integer.parseInt(configured.toString().trim());
      if (days < 1) {
        throw new IllegalArgumentException("dueAfterWorkingDays must be at least 1, not " + days);
      }
      return days;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("dueAfterWorkingDays must be a whole number, not '" + configured + "'", e);
    }
  }
}
