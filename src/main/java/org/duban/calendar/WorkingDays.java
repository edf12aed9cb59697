package org.duban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which days are worked: Monday to Friday unless a special day says otherwise. Immutable and free
 * of Spring and the engine, so that it can be unit tested and shared by the process engine's
 * business calendars.
 */
public final class WorkingDays {

  /**
   * Far more than any run of rest days; guards the loops against a calendar without working days.
   */
  private static final int MAX_REST_RUN = 366;

  private final Map<LocalDate, DayKind> special;

  private WorkingDays(Map<LocalDate, DayKind> special) {
    this.special = special;
  }

  public static WorkingDays of(Collection<SpecialDay> days) {
    Map<LocalDate, DayKind> map = new TreeMap<>();
    for (SpecialDay day : days) {
      map.put(day.date(), day.kind());
    }
    return new WorkingDays(Map.copyOf(map));
  }

  /** The calendar as seeded from {@code calendar/cn-holidays.csv}, for code without a database. */
  public static WorkingDays seed() {
    return of(HolidaySeed.read());
  }

  public boolean isWorkingDay(LocalDate day) {
    DayKind kind = special.get(day);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /**
   * n ≥ 1: the n-th working day after {@code from}; n = 0: {@code from} if working, else the next.
   */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      return minusWorkingDays(from, -n);
    }
    if (n == 0) {
      return nextWorkingDay(from);
    }
    LocalDate day = from;
    for (int i = 0; i < n; i++) {
      day = step(day, 1);
    }
    return day;
  }

  /**
   * n ≥ 1: the n-th working day before {@code from}; n = 0: {@code from} if working, else the one
   * before.
   */
  public LocalDate minusWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      return addWorkingDays(from, -n);
    }
    if (n == 0) {
      return isWorkingDay(from) ? from : step(from, -1);
    }
    LocalDate day = from;
    for (int i = 0; i < n; i++) {
      day = step(day, -1);
    }
    return day;
  }

  /** {@code day} itself when it is worked, else the next working day. */
  public LocalDate nextWorkingDay(LocalDate day) {
    return isWorkingDay(day) ? day : step(day, 1);
  }

  /** Working days in (from, to]; negative (the days in (to, from]) when to is before from. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The same time of day, {@code n} working days later (n = 0: moved to a working day if needed).
   */
  public LocalDateTime addWorkingDays(LocalDateTime from, int n) {
    return addWorkingDays(from.toLocalDate(), n).atTime(from.toLocalTime());
  }

  /** The same time of day, {@code n} working days earlier. */
  public LocalDateTime minusWorkingDays(LocalDateTime from, int n) {
    return minusWorkingDays(from.toLocalDate(), n).atTime(from.toLocalTime());
  }

  /** Unchanged on a working day, else the next working day at the same time of day. */
  public LocalDateTime onWorkingDay(LocalDateTime when) {
    return nextWorkingDay(when.toLocalDate()).atTime(when.toLocalTime());
  }

  /** The first working day strictly after (direction 1) or before (-1) {@code day}. */
  private LocalDate step(LocalDate day, int direction) {
    LocalDate next = day.plusDays(direction);
    for (int i = 0; !isWorkingDay(next); i++) {
      if (i > MAX_REST_RUN) {
        throw new IllegalStateException("no working day within a year of " + day);
      }
      next = next.plusDays(direction);
    }
    return next;
  }
}
