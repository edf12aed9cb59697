package org.duban.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.Supplier;
import org.duban.infrastructure.EngineClock;

/**
 * Working days for Duban's code and for BPMN expressions, as the Spring bean {@code workCalendar}
 * (e.g. {@code ${workCalendar.workingDaysFromNow(5)}}). Backed by the calendar table (China's
 * statutory holidays and the weekend days worked instead), cached for a minute. The methods taking
 * or returning {@link Date} use the engine clock and the JVM's zone (Asia/Shanghai) and keep the
 * time of day.
 *
 * <p>Process tests without Spring register {@link #fromSeed()} under the same name.
 */
public class WorkCalendar {

  private final Supplier<WorkingDays> days;

  public WorkCalendar(Supplier<WorkingDays> days) {
    this.days = days;
  }

  /**
   * The calendar as shipped (calendar/cn-holidays.csv), for tests and code without the database.
   */
  public static WorkCalendar fromSeed() {
    WorkingDays seed = WorkingDays.seed();
    return new WorkCalendar(() -> seed);
  }

  /** The current working days, immutable. */
  public WorkingDays workingDays() {
    return days.get();
  }

  public boolean isWorkingDay(LocalDate day) {
    return days.get().isWorkingDay(day);
  }

  /**
   * n ≥ 1: the n-th working day after {@code from}; n = 0: {@code from} if working, else the next.
   */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    return days.get().addWorkingDays(from, n);
  }

  /** The n-th working day before {@code from}. */
  public LocalDate minusWorkingDays(LocalDate from, int n) {
    return days.get().minusWorkingDays(from, n);
  }

  /** {@code day} itself when working, else the next working day. */
  public LocalDate nextWorkingDay(LocalDate day) {
    return days.get().nextWorkingDay(day);
  }

  /** Working days in (from, to], negative when to is before from. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    return days.get().workingDaysBetween(from, to);
  }

  /** Is today (on the engine clock) a working day? */
  public boolean isWorkingDayToday() {
    return isWorkingDay(EngineClock.today());
  }

  /** For timers: n working days from now at the same time of day. */
  public Date workingDaysFromNow(int n) {
    return toDate(days.get().addWorkingDays(EngineClock.now(), n));
  }

  /**
   * For reminders: n working days before {@code due} at the same time of day; now when that is
   * already past, so that a reminder for a due date that is too close fires at once, not never.
   */
  public Date workingDaysBefore(Date due, int n) {
    LocalDateTime reminder = days.get().minusWorkingDays(toLocal(due), n);
    LocalDateTime now = EngineClock.now();
    return toDate(reminder.isBefore(now) ? now : reminder);
  }

  /** Moved to the next working day at the same time when it falls on a rest day. */
  public Date onWorkingDay(Date when) {
    return toDate(days.get().onWorkingDay(toLocal(when)));
  }

  private static LocalDateTime toLocal(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
  }

  private static Date toDate(LocalDateTime time) {
    return EngineClock.toDate(time);
  }
}
