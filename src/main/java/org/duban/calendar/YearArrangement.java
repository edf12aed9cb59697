package org.duban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.infrastructure.UserError;

/**
 * A year's arrangement as the admin pastes it from the State Council's notice, one day a line:
 * {@code 2028-01-01,HOLIDAY,元旦} with an optional fourth item, the source. Every line is checked and
 * every problem names its line, so the admin can fix them all at once.
 */
public final class YearArrangement {

  static final int MAX_NAME = 40;
  static final int MAX_SOURCE = 200;

  private final List<SpecialDay> days;
  private final List<UserError> problems;

  private YearArrangement(List<SpecialDay> days, List<UserError> problems) {
    this.days = List.copyOf(days);
    this.problems = List.copyOf(problems);
  }

  public List<SpecialDay> days() {
    return days;
  }

  public List<UserError> problems() {
    return problems;
  }

  /**
   * Reads the lines for {@code year}. A line without a source gets {@code defaultSource}; every day
   * is marked {@code provisional} as the admin chose for the whole paste.
   */
  public static YearArrangement parse(
      int year, String text, String defaultSource, boolean provisional) {
    List<SpecialDay> days = new ArrayList<>();
    List<UserError> problems = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    String[] lines = text == null ? new String[0] : text.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      // a Chinese keyboard types the full-width comma
      String[] cells = line.split("[,，]", -1);
      if (cells.length < 3 || cells.length > 4) {
        problems.add(new UserError("calendar.line.fields", lineNo, line));
        continue;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(cells[0].strip());
      } catch (DateTimeParseException e) {
        problems.add(new UserError("calendar.line.date", lineNo, cells[0].strip()));
        continue;
      }
      if (date.getYear() != year) {
        problems.add(
            new UserError(
                "calendar.line.otherYear", lineNo, date.toString(), String.valueOf(year)));
        continue;
      }
      DayKind kind = kind(cells[1]);
      if (kind == null) {
        problems.add(new UserError("calendar.line.kind", lineNo, cells[1].strip()));
        continue;
      }
      String source = cells.length == 4 && !cells[3].isBlank() ? cells[3] : defaultSource;
      SpecialDay day = new SpecialDay(date, kind, cells[2], source, provisional);
      List<UserError> dayProblems = check(day);
      if (!dayProblems.isEmpty()) {
        dayProblems.forEach(p -> problems.add(onLine(lineNo, p)));
        continue;
      }
      Integer earlier = seen.putIfAbsent(date, lineNo);
      if (earlier != null) {
        problems.add(new UserError("calendar.line.duplicate", lineNo, date.toString(), earlier));
        continue;
      }
      days.add(day);
    }
    if (days.isEmpty() && problems.isEmpty()) {
      problems.add(new UserError("calendar.paste.empty"));
    }
    return new YearArrangement(days, problems);
  }

  /** The rules every special day keeps, whether typed in the form or pasted. */
  public static List<UserError> check(SpecialDay day) {
    List<UserError> problems = new ArrayList<>();
    if (day.name().isEmpty()) {
      problems.add(new UserError("calendar.day.nameMissing"));
    } else if (day.name().length() > MAX_NAME) {
      problems.add(new UserError("calendar.day.nameTooLong", MAX_NAME));
    }
    if (day.source().length() > MAX_SOURCE) {
      problems.add(new UserError("calendar.day.sourceTooLong", MAX_SOURCE));
    }
    DayOfWeek weekday = day.date().getDayOfWeek();
    boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    if (day.kind() == DayKind.WORKDAY && !weekend) {
      problems.add(new UserError("calendar.day.workdayOnWeekday", day.date().toString()));
    }
    return problems;
  }

  /** HOLIDAY / WORKDAY, or the Chinese words of the notice; null when neither. */
  static DayKind kind(String text) {
    String value = text.strip();
    switch (value.toUpperCase(Locale.ROOT)) {
      case "HOLIDAY", "放假", "休" -> {
        return DayKind.HOLIDAY;
      }
      case "WORKDAY", "上班", "班", "调休上班" -> {
        return DayKind.WORKDAY;
      }
      default -> {
        return null;
      }
    }
  }

  private static UserError onLine(int lineNo, UserError problem) {
    Object[] args = new Object[problem.args().length + 1];
    args[0] = lineNo;
    System.arraycopy(problem.args(), 0, args, 1, problem.args().length);
    return new UserError(problem.key() + ".line", args);
  }
}
