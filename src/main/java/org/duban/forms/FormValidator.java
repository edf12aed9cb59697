package org.duban.forms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;

/**
 * Validates a submission against a form on the server.
 *
 * <p>Request parameters: {@code key} for a top-level field (also inside groups), {@code
 * path[i].key} for a field of row {@code i} of a dynamic list, repeated parameters for checklist
 * and taglist, and a checkbox is checked when its parameter is present. Disabled and read-only
 * fields are never read from the request: they keep their prefilled value. Fields hidden by {@code
 * conditional.hide} are neither validated nor returned. Unknown parameters are ignored.
 */
final class FormValidator {

  private final MessageSource messages;
  private final FieldConverter converter;

  FormValidator(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.converter = new FieldConverter(clock);
  }

  FormResult validate(
      FormDefinition form,
      MultiValueMap<String, String> params,
      Map<String, List<FormOption>> options,
      Map<String, ?> prefilled,
      Locale locale) {
    Run run = new Run(params, options, locale);
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> display = new LinkedHashMap<>();
    Map<String, ?> prefill = prefilled == null ? Map.of() : prefilled;
    Scope top = run.scope(form.components(), "", "", prefill, name -> null);
    run.walk(form.components(), top, false, values, display);
    return new FormResult(values, run.errors, display);
  }

  /**
   * Where a list of components reads and writes: {@code prefix} names parameters in errors (row
   * position), {@code readPrefix} names the submitted parameters (row index as sent).
   */
  private record Scope(
      String prefix,
      String readPrefix,
      Map<String, ?> prefill,
      Function<String, Object> variables) {}

  private final class Run {

    final MultiValueMap<String, String> params;
    final Map<String, List<FormOption>> options;
    final Locale locale;
    final Map<String, String> errors = new LinkedHashMap<>();

    Run(
        MultiValueMap<String, String> params,
        Map<String, List<FormOption>> options,
        Locale locale) {
      this.params = params;
      this.options = options == null ? Map.of() : options;
      this.locale = messageLocale(locale);
    }

    void walk(
        List<FormComponent> components,
        Scope scope,
        boolean hiddenAbove,
        Map<String, Object> values,
        Map<String, Object> display) {
      for (FormComponent c : components) {
        boolean hidden = hiddenAbove || c.hide() != null && c.hide().isHidden(scope.variables());
        if (c.type() == ComponentType.GROUP) {
          walk(c.components(), scope, hidden, values, display);
        } else if (c.type() == ComponentType.DYNAMICLIST) {
          list(c, scope, hidden, values, display);
        } else if (c.type().isField()) {
          field(c, scope, hidden, values, display);
        }
      }
    }

    private void field(
        FormComponent c,
        Scope scope,
        boolean hidden,
        Map<String, Object> values,
        Map<String, Object> display) {
      String key = c.key();
      if (c.isLocked()) {
        if (scope.prefill().containsKey(key)) {
          Object prefilled = scope.prefill().get(key);
          display.put(key, prefilled);
          if (!hidden) {
            values.put(key, prefilled);
          }
        }
        return;
      }
      List<String> raw = raw(scope.readPrefix() + key);
      Object submitted = submitted(c, raw);
      if (hidden) {
        display.put(key, submitted);
        return;
      }
      FieldConverter.Outcome outcome = converter.convert(c, raw, allowed(c));
      if (outcome.failed()) {
        errors.put(scope.prefix() + key, message(outcome.code(), outcome.args()));
        display.put(key, submitted);
      } else {
        values.put(key, outcome.value());
        display.put(key, outcome.value() == null ? submitted : outcome.value());
      }
    }

    private void list(
        FormComponent c,
        Scope scope,
        boolean hidden,
        Map<String, Object> values,
        Map<String, Object> display) {
      String path = c.path();
      Object prefilled = scope.prefill().get(path);
      List<Map<String, ?>> prefilledRows = rows(prefilled);
      List<Integer> indices = new ArrayList<>();
      if (c.allowAddRemove()) {
        indices.addAll(submittedRows(scope.readPrefix() + path, c));
      } else {
        int count = prefilled != null ? prefilledRows.size() : c.defaultRepetitions();
        for (int i = 0; i < count; i++) {
          indices.add(i);
        }
      }
      if (indices.size() > FormParser.MAX_ROWS) {
        if (!hidden) {
          errors.put(
              scope.prefix() + path,
              message("forms.error.tooManyRows", new Object[] {FormParser.MAX_ROWS}));
        }
        indices = indices.subList(0, FormParser.MAX_ROWS);
      }
      List<Map<String, Object>> rowValues = new ArrayList<>();
      List<Map<String, Object>> rowDisplay = new ArrayList<>();
      for (int position = 0; position < indices.size(); position++) {
        int index = indices.get(position);
        Map<String, ?> rowPrefill =
            index < prefilledRows.size() ? prefilledRows.get(index) : Map.of();
        Scope row =
            scope(
                c.components(),
                scope.prefix() + path + "[" + position + "].",
                scope.readPrefix() + path + "[" + index + "].",
                rowPrefill,
                scope.variables());
        Map<String, Object> value = new LinkedHashMap<>();
        Map<String, Object> shown = new LinkedHashMap<>();
        walk(c.components(), row, hidden, value, shown);
        rowValues.add(Collections.unmodifiableMap(value));
        rowDisplay.add(Collections.unmodifiableMap(shown));
      }
      display.put(path, Collections.unmodifiableList(rowDisplay));
      if (!hidden) {
        values.put(path, Collections.unmodifiableList(rowValues));
      }
    }

    /** Row indices sent for an add/remove list: those of parameters naming one of its fields. */
    private Set<Integer> submittedRows(String listName, FormComponent list) {
      Set<String> keys = new HashSet<>();
      collectKeys(list.components(), keys);
      Pattern rowParam =
          Pattern.compile(Pattern.quote(listName) + "\\[(\\d{1,4})]\\.([A-Za-z0-9_]+)");
      Set<Integer> indices = new TreeSet<>();
      if (params != null) {
        for (String name : params.keySet()) {
          Matcher m = rowParam.matcher(name);
          if (m.matches() && keys.contains(m.group(2))) {
            indices.add(Integer.parseInt(m.group(1)));
          }
        }
      }
      return indices;
    }

    /**
     * A scope whose condition variables are, in order: this scope's submitted values (locked
     * fields: prefilled), its prefilled values, then the enclosing scope's variables.
     */
    Scope scope(
        List<FormComponent> components,
        String prefix,
        String readPrefix,
        Map<String, ?> prefill,
        Function<String, Object> outer) {
      Map<String, Object> submitted = new HashMap<>();
      conditionValues(components, readPrefix, prefill, submitted);
      Function<String, Object> variables =
          name -> {
            if (submitted.containsKey(name)) {
              return submitted.get(name);
            }
            if (prefill.containsKey(name)) {
              return prefill.get(name);
            }
            return outer.apply(name);
          };
      return new Scope(prefix, readPrefix, prefill, variables);
    }

    private void conditionValues(
        List<FormComponent> components,
        String readPrefix,
        Map<String, ?> prefill,
        Map<String, Object> out) {
      for (FormComponent c : components) {
        if (c.type() == ComponentType.GROUP) {
          conditionValues(c.components(), readPrefix, prefill, out);
        } else if (c.type().isField()) {
          if (c.isLocked()) {
            out.put(c.key(), prefill.get(c.key()));
          } else {
            Object value = submitted(c, raw(readPrefix + c.key()));
            out.put(c.key(), value instanceof String s && s.isBlank() ? null : value);
          }
        }
      }
    }

    /** The submitted value as the user sent it, for conditions and for showing it again. */
    private Object submitted(FormComponent c, List<String> raw) {
      if (c.type() == ComponentType.CHECKBOX) {
        return !raw.isEmpty();
      }
      if (c.type().isMultiValue()) {
        return List.copyOf(raw);
      }
      return raw.isEmpty() ? null : raw.get(0).strip();
    }

    private List<FormOption> allowed(FormComponent c) {
      if (c.valuesKey() == null) {
        return c.options();
      }
      List<FormOption> dynamic = options.get(c.valuesKey());
      return dynamic == null ? List.of() : dynamic;
    }

    private List<String> raw(String name) {
      List<String> raw = params == null ? null : params.get(name);
      if (raw == null) {
        return List.of();
      }
      List<String> present = new ArrayList<>(raw.size());
      raw.stream().filter(v -> v != null).forEach(present::add);
      return present;
    }

    private String message(String code, Object[] args) {
      // plain strings, so that MessageFormat writes 2000 and not 2,000
      Object[] text = args == null ? null : Arrays.stream(args).map(String::valueOf).toArray();
      return messages.getMessage(code, text, code, locale);
    }
  }

  private static void collectKeys(List<FormComponent> components, Set<String> keys) {
    for (FormComponent c : components) {
      if (c.type().isField() && !c.isLocked()) {
        keys.add(c.key());
      }
      collectKeys(c.components(), keys);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, ?>> rows(Object prefilled) {
    if (!(prefilled instanceof List<?> list)) {
      return List.of();
    }
    List<Map<String, ?>> rows = new ArrayList<>(list.size());
    for (Object row : list) {
      rows.add(row instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of());
    }
    return rows;
  }

  /**
   * The base bundle {@code i18n/forms.properties} is Chinese; resolving Chinese locales against the
   * root locale keeps a server whose default locale is English from answering in English.
   */
  static Locale messageLocale(Locale locale) {
    return locale == null || "zh".equals(locale.getLanguage()) ? Locale.ROOT : locale;
  }
}
