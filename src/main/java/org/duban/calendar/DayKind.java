package org.duban.calendar;

/** What a special day of the calendar is: a day off (放假) or a weekend day worked instead (调休上班). */
public enum DayKind {
  HOLIDAY,
  WORKDAY
}
