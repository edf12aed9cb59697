package org.duban.calendar;

/** Something wrong with a day or a pasted line: a message key of i18n/calendar and its arguments. */
public record CalendarProblem(String key, Object... args) {}
