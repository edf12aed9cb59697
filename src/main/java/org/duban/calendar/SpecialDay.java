package org.duban.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day that differs from the ordinary week (Monday to Friday work, Saturday and Sunday rest): a
 * statutory holiday or a weekend day worked instead. {@code provisional} marks a day entered before
 * the State Council published the year's arrangement, so the admin knows to check it.
 */
public record SpecialDay(
    LocalDate date, DayKind kind, String name, String source, boolean provisional) {

  public SpecialDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    name = name == null ? "" : name.strip();
    source = source == null ? "" : source.strip();
  }
}
