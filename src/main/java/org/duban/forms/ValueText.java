package org.duban.forms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns typed values (as {@link FormResult} and process variables hold them) into text. */
final class ValueText {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private ValueText() {}

  /** Text for a placeholder: dates as {@code 2026-06-30 08:30}, lists joined with {@code 、}. */
  static String plain(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(ValueText::plain).collect(Collectors.joining("、"));
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    LocalDateTime dateTime = toLocalDateTime(value);
    if (dateTime != null) {
      return dateTime.toLocalDate() + " " + time(dateTime.toLocalTime());
    }
    if (value instanceof LocalTime t) {
      return time(t);
    }
    return number(value);
  }

  /** The {@code value} attribute of an input of the given component. */
  static String input(Object value, FormComponent component) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    if (component.type() == ComponentType.DATETIME) {
      DateSubtype subtype = component.subtype() == null ? DateSubtype.DATE : component.subtype();
      if (value instanceof LocalDate d) {
        return subtype == DateSubtype.DATETIME ? d + "T00:00" : d.toString();
      }
      if (value instanceof LocalTime t) {
        return time(t);
      }
      LocalDateTime dt = toLocalDateTime(value);
      if (dt != null) {
        return switch (subtype) {
          case DATE -> dt.toLocalDate().toString();
          case TIME -> time(dt.toLocalTime());
          case DATETIME -> dt.toLocalDate() + "T" + time(dt.toLocalTime());
        };
      }
    }
    return plain(value);
  }

  /** Whether a checkbox with this value is checked. */
  static boolean checked(Object value) {
    return Boolean.TRUE.equals(value)
        || value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("on"));
  }

  /** The selected option values of a single- or multi-valued field. */
  static Set<String> selected(Object value) {
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.stream().filter(v -> v != null).forEach(v -> out.add(number(v)));
    } else if (value != null) {
      out.add(number(value));
    }
    return out;
  }

  private static String number(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
    }
    return value.toString();
  }

  private static String time(LocalTime t) {
    LocalTime truncated = t.truncatedTo(ChronoUnit.SECONDS);
    return truncated.getSecond() == 0 ? truncated.format(MINUTES) : truncated.format(SECONDS);
  }

  private static LocalDateTime toLocalDateTime(Object value) {
    ZoneId zone = ZoneId.systemDefault();
    if (value instanceof LocalDateTime dt) {
      return dt;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof Date d) {
      // java.sql.Date/Time do not support toInstant()
      return LocalDateTime.ofInstant(Instant.ofEpochMilli(d.getTime()), zone);
    }
    if (value instanceof Instant i) {
      return LocalDateTime.ofInstant(i, zone);
    }
    if (value instanceof OffsetDateTime o) {
      return o.atZoneSameInstant(zone).toLocalDateTime();
    }
    if (value instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(zone).toLocalDateTime();
    }
    return null;
  }
}
