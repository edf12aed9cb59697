package org.duban.ladder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the ladder in working days. A deadline is the last day to act; it counts as missed
 * at {@code dueHour} of the next working day, which is when the model's overdue timers fire.
 */
@Component
public class LadderDeadlines {

  private final WorkCalendar calendar;
  private final LadderSettings settings;

  LadderDeadlines(WorkCalendar calendar, LadderSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  /** The last day to act, the given working days from today. */
  public LocalDate inWorkingDays(int workingDays) {
    return calendar.addWorkingDays(EngineClock.today(), workingDays);
  }

  public LocalDate redNoticeDeadline() {
    return inWorkingDays(settings.redNoticeWorkingDays());
  }

  public LocalDate replanDeadline() {
    return inWorkingDays(settings.replanWorkingDays());
  }

  /** When a deadline counts as missed: the next working day after it, at the due hour. */
  public Date missedAt(LocalDate deadline) {
    return EngineClock.toDate(calendar.addWorkingDays(deadline, 1).atTime(settings.dueHour(), 0));
  }

  /**
   * The deadline (last day to act) of a step that counts as missed at {@code missedAt}: the inverse
   * of {@link #missedAt}.
   */
  public LocalDate deadlineOf(Date missedAt) {
    LocalDate missed =
        LocalDateTime.ofInstant(missedAt.toInstant(), ZoneId.systemDefault()).toLocalDate();
    return calendar.minusWorkingDays(missed, 1);
  }

  public boolean isWorkingDay(LocalDate day) {
    return calendar.isWorkingDay(day);
  }
}
