package org.duban.task;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.forms.FormComponent;
import org.duban.forms.FormDefinition;
import org.duban.forms.FormOption;
import org.springframework.context.MessageSource;

/**
 * What a person entered in a form, as one line for the item's record, such as 审核意见：同意；结论：通过.
 * Choices show their labels, not their stored values; tables of rows are left out. The words around
 * the form's own labels (the separators, yes and no) come from the message bundle ({@code
 * task.summary.*}) in the given language.
 */
final class StepSummary {

  static final int MAX_LENGTH = 500;

  private StepSummary() {}

  static String of(
      String taskName,
      FormDefinition form,
      Map<String, Object> values,
      MessageSource messages,
      Locale locale) {
    Words words = new Words(messages, locale);
    String parts = null;
    for (FormComponent field : form.fields()) {
      Object value = field.key() == null ? null : values.get(field.key());
      String text = text(field, value, words);
      if (!text.isBlank()) {
        String part =
            words.of(
                "task.summary.field", field.label() == null ? field.key() : field.label(), text);
        parts = parts == null ? part : words.of("task.summary.fields", parts, part);
      }
    }
    String line = parts == null ? taskName : words.of("task.summary.line", taskName, parts);
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }

  private static String text(FormComponent field, Object value, Words words) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean yes) {
      return words.of(yes ? "task.summary.yes" : "task.summary.no");
    }
    if (value instanceof Collection<?> list) {
      if (list.stream().anyMatch(Map.class::isInstance)) {
        return "";
      }
      return list.stream()
          .map(v -> label(field.options(), String.valueOf(v)))
          .reduce((a, b) -> words.of("task.summary.values", a, b))
          .orElse("");
    }
    return label(field.options(), String.valueOf(value)).strip();
  }

  private static String label(List<FormOption> options, String value) {
    if (options == null) {
      return value;
    }
    return options.stream()
        .filter(o -> value.equals(o.value()))
        .map(FormOption::label)
        .findFirst()
        .orElse(value);
  }

  private record Words(MessageSource messages, Locale locale) {
    String of(String key, Object... args) {
      return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }
  }
}
