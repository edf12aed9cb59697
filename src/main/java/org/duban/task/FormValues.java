package org.duban.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duban.infrastructure.UserError;

/** Typed reads of validated form values. */
public final class FormValues {

  private FormValues() {}

  public static String text(Map<String, Object> values, String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  /** A text that the decision needs: its absence is shown beside the field. */
  public static String requiredText(Map<String, Object> values, String key) {
    String text = text(values, key);
    if (text == null) {
      throw UserError.at(key, "decision.reasonRequired");
    }
    return text;
  }

  public static LocalDate date(Map<String, Object> values, String key) {
    Object value = values.get(key);
    return value instanceof LocalDate date ? date : null;
  }

  public static BigDecimal decimal(Map<String, Object> values, String key) {
    Object value = values.get(key);
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    return null;
  }

  public static Integer integer(Map<String, Object> values, String key) {
    BigDecimal decimal = decimal(values, key);
    return decimal == null ? null : decimal.intValue();
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> rows(Map<String, Object> values, String key) {
    Object value = values.get(key);
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }
}
