package org.duban.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** A report's week, Monday to Sunday, as hospitals count their working weeks. */
public record ReportWeek(LocalDate monday) {

  public ReportWeek {
    if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException(monday + " is not a Monday");
    }
  }

  /** The week the day falls in. */
  public static ReportWeek containing(LocalDate day) {
    return new ReportWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
  }

  /** The last week that is over on this day: the week before the day's own week. */
  public static ReportWeek lastFinishedBefore(LocalDate day) {
    return containing(day).previous();
  }

  public ReportWeek previous() {
    return new ReportWeek(monday.minusWeeks(1));
  }

  public LocalDate sunday() {
    return monday.plusDays(6);
  }

  public LocalDateTime start() {
    return monday.atStartOfDay();
  }

  /** The first moment after the week: Monday 00:00 of the next week. */
  public LocalDateTime end() {
    return monday.plusWeeks(1).atStartOfDay();
  }

  public boolean isOverAt(LocalDateTime time) {
    return !time.isBefore(end());
  }

  public boolean hasStartedAt(LocalDateTime time) {
    return !time.isBefore(start());
  }

  /**
   * The year a report of this week is numbered in: the ISO week-based year, so the week from Monday
   * 29 December 2025 to Sunday 4 January 2026 is the first of 2026.
   */
  public int numberingYear() {
    return monday.get(IsoFields.WEEK_BASED_YEAR);
  }
}
