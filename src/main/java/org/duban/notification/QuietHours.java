package org.duban.notification;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A daily window in which nothing leaves the app for a person (default 22:00–07:00). The window may
 * cross midnight; start equal to end means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

  public boolean contains(LocalTime time) {
    if (start.equals(end)) {
      return false;
    }
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }

  /** The given time when it is outside the window, else the moment the window ends. */
  public LocalDateTime nextAllowed(LocalDateTime at) {
    if (!contains(at.toLocalTime())) {
      return at;
    }
    LocalDateTime endToday = at.toLocalDate().atTime(end);
    return endToday.isAfter(at) ? endToday : endToday.plusDays(1);
  }
}
