package org.duban.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;

/**
 * Deadlines of waiting human steps in working days, as the bean {@code stepDeadlines} for the
 * models: a user task's {@code camunda:dueDate} and its overdue timer both read {@code
 * ${stepDeadlines.due('triage')}} and its reminder {@code ${stepDeadlines.reminder(...)}}. A step
 * started today with n working days has its last day n working days from today and counts as missed
 * at the due hour of the working day after it, the same rule as the escalation ladder's deadlines
 * (LadderDeadlines). The moment does not depend on the time of day the step started, so the task's
 * due date and its timer always agree.
 *
 * <p>Process tests without Spring register {@code new StepDeadlines(WorkCalendar.fromSeed(),
 * StepDeadlineSettings.defaults())} under the same name.
 */
public class StepDeadlines {

  private final WorkCalendar calendar;
  private final StepDeadlineSettings settings;

  public StepDeadlines(WorkCalendar calendar, StepDeadlineSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  /** When the step of the given name, starting now, counts as missed. */
  public Date due(String step) {
    return missedAt(lastDay(step));
  }

  /** The last day to act on a step starting now. */
  public LocalDate lastDay(String step) {
    return calendar.addWorkingDays(EngineClock.today(), settings.workingDays(step));
  }

  /** When a step due at {@code due} reminds its holders: working days before, never in the past. */
  public Date reminder(Date due) {
    return calendar.workingDaysBefore(due, settings.reminderBefore());
  }

  /** When a missed score review counts as accepted: the grace working days after its due moment. */
  public Date scoreReviewClosesAt(Date due) {
    LocalDateTime missed = LocalDateTime.ofInstant(due.toInstant(), ZoneId.systemDefault());
    return EngineClock.toDate(
        calendar
            .addWorkingDays(missed.toLocalDate(), settings.scoreReviewGrace())
            .atTime(missed.toLocalTime()));
  }

  private Date missedAt(LocalDate lastDay) {
    return EngineClock.toDate(calendar.addWorkingDays(lastDay, 1).atTime(settings.dueHour(), 0));
  }
}
