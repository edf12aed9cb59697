package org.duban.task;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.duban.forms.FormComponent;
import org.duban.forms.FormDefinition;
import org.duban.forms.FormOption;

/**
 * What a person entered in a form, as one line for the item's record: "审核意见：同意；结论：通过".
 * Choices show their labels, not their stored values; tables of rows are left out.
 */
final class StepSummary {

  static final int MAX_LENGTH = 500;

  private StepSummary() {}

  static String of(String taskName, FormDefinition form, Map<String, Object> values) {
    StringJoiner parts = new StringJoiner("；");
    for (FormComponent field : form.fields()) {
      Object value = field.key() == null ? null : values.get(field.key());
      String text = text(field, value);
      if (!text.isBlank()) {
        parts.add((field.label() == null ? field.key() : field.label()) + "：" + text);
      }
    }
    String line = parts.length() == 0 ? taskName : taskName + "：" + parts;
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }

  private static String text(FormComponent field, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean yes) {
      return yes ? "是" : "否";
    }
    if (value instanceof Collection<?> list) {
      if (list.stream().anyMatch(Map.class::isInstance)) {
        return "";
      }
      return list.stream().map(v -> label(field.options(), String.valueOf(v))).collect(Collectors.joining("、"));
    }
    return label(field.options(), String.valueOf(value)).strip();
  }

  private static String label(List<FormOption> options, String value) {
    if (options == null) {
      return value;
    }
    return options.stream().filter(o -> value.equals(o.value())).map(FormOption::label).findFirst().orElse(value);
  }
}
