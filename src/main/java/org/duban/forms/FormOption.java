package org.duban.forms;

import java.util.Objects;

/**
 * One choice of a radio, select, checklist or taglist: the submitted {@code value} and the {@code
 * label} shown to the user. Dynamic options (for {@code valuesKey}) are passed as lists of these.
 */
public record FormOption(String value, String label) {

  public FormOption {
    Objects.requireNonNull(value, "value");
    label = label == null ? value : label;
  }

  public static FormOption of(String value, String label) {
    return new FormOption(value, label);
  }
}
