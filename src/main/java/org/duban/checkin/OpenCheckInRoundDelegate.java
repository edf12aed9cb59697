package org.duban.checkin;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Names the month a round reports on (by default the month that ended: a round opened on 1 June
 * asks for May, one opened in January for December of the year before), so every check-in of the
 * round is filed under it, and sets when the round's check-ins count as missed: the reporting
 * window is the first working days of the month ({@code duban.check-in.window-working-days}, or the
 * model's {@code dueAfterWorkingDays} when it sets one), counted on the work calendar with its
 * holidays and worked weekend days; the morning of the next working day they are overdue.
 */
@Component("openCheckInRoundDelegate")
class OpenCheckInRoundDelegate implements JavaDelegate {

  static final int DEFAULT_WORKING_DAYS = 5;
  static final int OVERDUE_HOUR = 9;

  private final WorkCalendar calendar;
  private final CheckInSettings settings;

  OpenCheckInRoundDelegate(WorkCalendar calendar, CheckInSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = EngineClock.today();
    execution.setVariable(RoundPeriod.PERIOD, settings.periodCoveredBy(today));
    execution.setVariable(RoundPeriod.OPENED_ON, today.toString());
    int workingDays =
        workingDays(
            execution.getVariableLocal("dueAfterWorkingDays"), settings.windowWorkingDays());
    var lastDay = lastDayOfWindow(calendar, today, workingDays);
    var overdue = calendar.addWorkingDays(lastDay, 1).atTime(OVERDUE_HOUR, 0);
    execution.setVariable("checkInDueDate", EngineClock.toDate(overdue));
  }

  /**
   * The last day of the window: the n-th working day of the month the round opens in. A round
   * opened after that day (by hand, late in the month) gets n working days of its own, today
   * counted when it is one.
   */
  static LocalDate lastDayOfWindow(WorkCalendar calendar, LocalDate openedOn, int workingDays) {
    LocalDate ofMonth = nthWorkingDayFrom(calendar, openedOn.withDayOfMonth(1), workingDays);
    return openedOn.isAfter(ofMonth) ? nthWorkingDayFrom(calendar, openedOn, workingDays) : ofMonth;
  }

  private static LocalDate nthWorkingDayFrom(WorkCalendar calendar, LocalDate day, int n) {
    return calendar.addWorkingDays(calendar.nextWorkingDay(day), n - 1);
  }

  private static int workingDays(Object configured, int setting) {
    if (configured == null || configured.toString().isBlank()) {
      return setting;
    }
    try {
      int days = Integer.parseInt(configured.toString().trim());
      if (days < 1) {
        throw new IllegalArgumentException("dueAfterWorkingDays must be at least 1, not " + days);
      }
      return days;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "dueAfterWorkingDays must be a whole number, not '" + configured + "'", e);
    }
  }
}
