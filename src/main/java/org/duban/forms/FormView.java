package org.duban.forms;

import java.util.List;

/**
 * What the Thymeleaf fragment {@code forms/fields :: fields} renders: the components of a form with
 * their parameter names, DOM ids, current values, options and error messages, grouped into the
 * form-js layout rows. Built by {@link FormDefinition#view}.
 *
 * @param rows the top-level layout rows
 * @param usesAddRemove a dynamic list lets the user add and remove rows (the page needs {@code
 *     /js/dynamiclist.js})
 */
public record FormView(List<Row> rows, boolean usesAddRemove) {

  /** Components that form-js places side by side. */
  public record Row(List<Item> items) {}

  /**
   * One rendered component.
   *
   * @param kind the form-js type, e.g. {@code textfield}
   * @param componentId the form-js component id
   * @param domId the HTML id of the input (or of the group or list)
   * @param name the request parameter name ({@code key} or {@code path[i].key})
   * @param label the label, may be {@code null}
   * @param description help text, may be {@code null}
   * @param descriptionId the HTML id of the help text
   * @param required show the field as required
   * @param requiredAttr put the HTML {@code required} attribute (not for conditionally hidden
   *     fields)
   * @param disabled render disabled (also read-only radios, selects and checkboxes)
   * @param readonly render read-only (text inputs)
   * @param inputType the HTML input type: text, email, tel, number, date, time, datetime-local
   * @param value the value as input text
   * @param checked a checked checkbox
   * @param options choices of radio, select, checklist, taglist
   * @param error the error message, or {@code null}
   * @param errorId the HTML id of the error message
   * @param describedBy ids for {@code aria-describedby}, or {@code null}
   * @param min number minimum
   * @param max number maximum
   * @param step number step
   * @param minLength text minimum length
   * @param maxLength text maximum length
   * @param pattern an HTML {@code pattern} equivalent to the form-js pattern, or {@code null}
   * @param paragraphs text component: paragraphs of lines, placeholders replaced
   * @param children group: its rows
   * @param listRows dynamic list: its rows
   * @param templateRow dynamic list with add/remove: the row to clone, index {@code __index__}
   * @param allowAddRemove dynamic list: the user may add and remove rows
   * @param path dynamic list: the path
   * @param maxRows dynamic list: the most rows
   * @param widthClass {@code cols-N} when the form sets a width of N of 16 columns
   * @param hide the {@code conditional.hide} expression, or {@code null}
   */
  public record Item(
      String kind,
      String componentId,
      String domId,
      String name,
      String label,
      String description,
      String descriptionId,
      boolean required,
      boolean requiredAttr,
      boolean disabled,
      boolean readonly,
      String inputType,
      String value,
      boolean checked,
      List<Option> options,
      String error,
      String errorId,
      String describedBy,
      String min,
      String max,
      String step,
      Integer minLength,
      Integer maxLength,
      String pattern,
      List<List<String>> paragraphs,
      List<Row> children,
      List<ListRow> listRows,
      ListRow templateRow,
      boolean allowAddRemove,
      String path,
      int maxRows,
      String widthClass,
      String hide) {

    public boolean hasError() {
      return error != null;
    }
  }

  /**
   * One choice.
   *
   * @param domId the HTML id of its radio or checkbox
   */
  public record Option(String value, String label, boolean selected, String domId) {}

  /**
   * One row of a dynamic list.
   *
   * @param index the index in parameter names ({@code __index__} in the template row)
   * @param number the 1-based number shown to the user ({@code __number__} in the template row)
   */
  public record ListRow(String index, String number, List<Row> rows) {}
}
