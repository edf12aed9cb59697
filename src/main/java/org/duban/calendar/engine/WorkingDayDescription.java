package org.duban.calendar.engine;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A due date or duration written in working days, as an admin types it in Camunda Modeler: {@code 5
 * working days}, {@code 1 working day} or {@code 5个工作日}.
 */
public final class WorkingDayDescription {

  private static final Pattern WORKING_DAYS =
      Pattern.compile(
          "^\\s*(\\d{1,4})\\s*(?:working\\s+days?|个?工作日)\\s*$", Pattern.CASE_INSENSITIVE);

  private WorkingDayDescription() {}

  /** The number of working days, or empty when the text is something else (ISO 8601, cron). */
  public static OptionalInt parse(String description) {
    if (description == null) {
      return OptionalInt.empty();
    }
    Matcher matcher = WORKING_DAYS.matcher(description);
    return matcher.matches()
        ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
        : OptionalInt.empty();
  }
}
