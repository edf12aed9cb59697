package org.duban.calendar;

import java.util.List;

/** An edit of the calendar that was refused; nothing was written. */
public class CalendarRejected extends RuntimeException {

  private final transient List<CalendarProblem> problems;

  public CalendarRejected(List<CalendarProblem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public List<CalendarProblem> problems() {
    return problems;
  }
}
