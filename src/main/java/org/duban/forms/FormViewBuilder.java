package org.duban.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Builds the {@link FormView} of a form for given values, errors and dynamic options. */
final class FormViewBuilder {

  static final String INDEX = "__index__";
  static final String NUMBER = "__number__";
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
  private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9_]+");

  private final FormDefinition form;
  private final Map<String, ?> values;
  private final Map<String, String> errors;
  private final Map<String, List<FormOption>> options;
  private boolean usesAddRemove;

  FormViewBuilder(
      FormDefinition form,
      Map<String, ?> values,
      Map<String, String> errors,
      Map<String, List<FormOption>> options) {
    this.form = form;
    this.values = values == null ? Map.of() : values;
    this.errors = errors == null ? Map.of() : errors;
    this.options = options == null ? Map.of() : options;
  }

  FormView build() {
    Scope top = new Scope("", values, name -> values.get(name), false);
    List<FormView.Row> rows = rows(form.components(), top, false);
    return new FormView(rows, usesAddRemove);
  }

  /**
   * @param prefix parameter name prefix ({@code ""} or {@code path[i].})
   * @param values values of this scope by key
   * @param variables placeholder variables (row values first, then top-level values)
   * @param template the template row of a dynamic list: no values and no errors
   */
  private record Scope(
      String prefix, Map<String, ?> values, Function<String, Object> variables, boolean template) {}

  /** Groups consecutive components with the same form-js layout row. */
  private List<FormView.Row> rows(
      List<FormComponent> components, Scope scope, boolean conditional) {
    List<FormView.Row> rows = new ArrayList<>();
    List<FormView.Item> current = new ArrayList<>();
    String currentRow = null;
    for (FormComponent c : components) {
      boolean sameRow = c.layoutRow() != null && c.layoutRow().equals(currentRow);
      if (!sameRow && !current.isEmpty()) {
        rows.add(new FormView.Row(List.copyOf(current)));
        current.clear();
      }
      current.add(item(c, scope, conditional));
      currentRow = c.layoutRow();
    }
    if (!current.isEmpty()) {
      rows.add(new FormView.Row(List.copyOf(current)));
    }
    return List.copyOf(rows);
  }

  private FormView.Item item(FormComponent c, Scope scope, boolean conditionalAbove) {
    boolean conditional = conditionalAbove || c.hide() != null;
    Item b = new Item(c);
    b.widthClass = c.layoutColumns() == null ? null : "cols-" + c.layoutColumns();
    b.hide = c.hide() == null ? null : c.hide().expression();
    b.label = c.label();
    switch (c.type()) {
      case TEXT -> b.paragraphs = paragraphs(TextTemplate.render(c.text(), scope.variables()));
      case GROUP -> {
        b.domId = "f-group-" + NOT_ID.matcher(scope.prefix() + c.id()).replaceAll("-");
        b.children = rows(c.components(), scope, conditional);
      }
      case DYNAMICLIST -> list(c, scope, conditional, b);
      case SEPARATOR, SPACER -> {
        // nothing but the kind
      }
      default -> field(c, scope, conditional, b);
    }
    return b.build();
  }

  private void field(FormComponent c, Scope scope, boolean conditional, Item b) {
    b.name = scope.prefix() + c.key();
    b.domId = domId(b.name);
    b.description = c.description();
    b.descriptionId = c.description() == null ? null : b.domId + "-help";
    b.errorId = b.domId + "-error";
    b.error = scope.template() ? null : errors.get(b.name);
    Object value =
        scope.values().containsKey(c.key()) ? scope.values().get(c.key()) : c.defaultValue();
    boolean choice = c.type().hasOptions() || c.type() == ComponentType.CHECKBOX;
    b.required = c.isRequired();
    b.requiredAttr = c.isRequired() && !conditional && !c.isLocked() && !c.type().isMultiValue();
    b.disabled = c.disabled() || c.readonly() && choice;
    b.readonly = c.readonly() && !choice;
    b.describedBy = join(b.descriptionId, b.error == null ? null : b.errorId);
    switch (c.type()) {
      case TEXTFIELD -> {
        b.inputType =
            c.validation().validationType() == Validation.ValidationType.EMAIL
                ? "email"
                : c.validation().validationType() == Validation.ValidationType.PHONE
                    ? "tel"
                    : "text";
        // form-js matches the pattern anywhere in the value; HTML anchors it
        b.pattern =
            c.validation().pattern() == null ? null : ".*(?:" + c.validation().pattern() + ").*";
        lengths(c, b);
      }
      case TEXTAREA -> lengths(c, b);
      case NUMBER -> {
        b.inputType = "number";
        b.min = plain(c.validation().min());
        b.max = plain(c.validation().max());
        b.step =
            c.increment() != null
                ? c.increment().toPlainString()
                : c.decimalDigits() != null
                    ? BigDecimal.ONE.movePointLeft(c.decimalDigits()).toPlainString()
                    : "any";
      }
      case DATETIME ->
          b.inputType = (c.subtype() == null ? DateSubtype.DATE : c.subtype()).htmlInputType();
      case CHECKBOX -> b.checked = ValueText.checked(value);
      default -> {
        // options below
      }
    }
    if (c.type().hasOptions()) {
      Set<String> selected = ValueText.selected(value);
      List<FormOption> choices =
          c.valuesKey() == null
              ? c.options()
              : Objects.requireNonNullElse(options.get(c.valuesKey()), List.of());
      List<FormView.Option> views = new ArrayList<>();
      for (int i = 0; i < choices.size(); i++) {
        FormOption o = choices.get(i);
        views.add(
            new FormView.Option(
                o.value(), o.label(), selected.contains(o.value()), b.domId + "-" + i));
      }
      b.options = List.copyOf(views);
    } else if (c.type() != ComponentType.CHECKBOX) {
      b.value = ValueText.input(value, c);
    }
  }

  private void list(FormComponent c, Scope scope, boolean conditional, Item b) {
    String path = c.path();
    b.name = scope.prefix() + path;
    b.domId = domId(b.name);
    b.errorId = b.domId + "-error";
    b.error = scope.template() ? null : errors.get(b.name);
    b.path = path;
    b.allowAddRemove = c.allowAddRemove();
    b.maxRows = FormParser.MAX_ROWS;
    Object given = scope.values().get(path);
    List<Map<String, ?>> rows = new ArrayList<>();
    if (given instanceof List<?> list) {
      for (Object row : list) {
        rows.add(asMap(row));
      }
    } else {
      for (int i = 0; i < c.defaultRepetitions(); i++) {
        rows.add(Map.of());
      }
    }
    List<FormView.ListRow> listRows = new ArrayList<>();
    for (int i = 0; i < rows.size() && i < FormParser.MAX_ROWS; i++) {
      Map<String, ?> row = rows.get(i);
      Scope rowScope =
          new Scope(
              scope.prefix() + path + "[" + i + "].",
              row,
              name -> row.containsKey(name) ? row.get(name) : scope.variables().apply(name),
              false);
      listRows.add(
          new FormView.ListRow(
              String.valueOf(i),
              String.valueOf(i + 1),
              rows(c.components(), rowScope, conditional)));
    }
    b.listRows = List.copyOf(listRows);
    if (c.allowAddRemove()) {
      usesAddRemove = true;
      Scope templateScope =
          new Scope(scope.prefix() + path + "[" + INDEX + "].", Map.of(), scope.variables(), true);
      b.templateRow =
          new FormView.ListRow(INDEX, NUMBER, rows(c.components(), templateScope, conditional));
    }
  }

  private static void lengths(FormComponent c, Item b) {
    b.minLength = c.validation().minLength();
    b.maxLength = c.validation().maxLength();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> asMap(Object row) {
    return row instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
  }

  /** {@code subTasks[0].title} becomes {@code f-subTasks-0-title}. */
  static String domId(String name) {
    String id = NOT_ID.matcher(name).replaceAll("-");
    return "f-" + (id.endsWith("-") ? id.substring(0, id.length() - 1) : id);
  }

  private static List<List<String>> paragraphs(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String paragraph : PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").strip())) {
      if (!paragraph.isBlank()) {
        out.add(List.of(paragraph.strip().split("\n")));
      }
    }
    return List.copyOf(out);
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " " + b;
  }

  /** Mutable collector of one {@link FormView.Item}. */
  private static final class Item {
    final FormComponent c;
    String domId;
    String name;
    String label;
    String description;
    String descriptionId;
    boolean required;
    boolean requiredAttr;
    boolean disabled;
    boolean readonly;
    String inputType;
    String value;
    boolean checked;
    List<FormView.Option> options = List.of();
    String error;
    String errorId;
    String describedBy;
    String min;
    String max;
    String step;
    Integer minLength;
    Integer maxLength;
    String pattern;
    List<List<String>> paragraphs = List.of();
    List<FormView.Row> children = List.of();
    List<FormView.ListRow> listRows = List.of();
    FormView.ListRow templateRow;
    boolean allowAddRemove;
    String path;
    int maxRows;
    String widthClass;
    String hide;

    Item(FormComponent c) {
      this.c = c;
    }

    FormView.Item build() {
      return new FormView.Item(
          c.type().jsonName(),
          c.id(),
          domId,
          name,
          label,
          description,
          descriptionId,
          required,
          requiredAttr,
          disabled,
          readonly,
          inputType,
          value,
          checked,
          options,
          error,
          errorId,
          describedBy,
          min,
          max,
          step,
          minLength,
          maxLength,
          pattern,
          paragraphs,
          children,
          listRows,
          templateRow,
          allowAddRemove,
          path,
          maxRows,
          widthClass,
          hide);
    }
  }
}
