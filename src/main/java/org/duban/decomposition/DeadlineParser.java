package org.duban.decomposition;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 完成时限 written as text: 2026-06-30, 2026/6/30, 2026.6.30 or 2026年6月30日, also with full-width digits
 * and a trailing time of day (what a date pasted as text looks like). Real date cells never come
 * here.
 */
final class DeadlineParser {

  private static final Pattern NUMERIC =
      Pattern.compile(
          "(\\d{4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");
  private static final Pattern CHINESE =
      Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");

  private DeadlineParser() {}

  static Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    Matcher numeric = NUMERIC.matcher(normalized);
    if (numeric.matches()) {
      return date(numeric.group(1), numeric.group(3), numeric.group(4));
    }
    Matcher chinese = CHINESE.matcher(normalized);
    if (chinese.matches()) {
      return date(chinese.group(1), chinese.group(2), chinese.group(3));
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(String year, String month, String day) {
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException notADay) {
      return Optional.empty();
    }
  }
}
