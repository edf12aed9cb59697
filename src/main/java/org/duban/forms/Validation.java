package org.duban.forms;

import java.math.BigDecimal;

/**
 * The {@code validate} block of a component. Absent limits are {@code null}.
 *
 * @param validationType {@code null}, or {@link ValidationType#EMAIL} / {@link
 *     ValidationType#PHONE}
 */
public record Validation(
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    String pattern,
    ValidationType validationType) {

  public static final Validation NONE = new Validation(false, null, null, null, null, null, null);

  public enum ValidationType {
    EMAIL,
    PHONE
  }
}
