package org.duban.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a parsed form, immutable. Which properties are set depends on the {@link #type}:
 * fields have a {@code key}; radio/select/checklist/taglist have static {@code options} or a {@code
 * valuesKey}; datetime has a {@code subtype}; a dynamic list has a {@code path} and {@code
 * components} (one row); a group has {@code components}; text has {@code text}.
 *
 * @param id the component id (unique within the form)
 * @param type the component type
 * @param key the variable name of a field, else {@code null}
 * @param label the label (for datetime the date or time label), may be {@code null}
 * @param description help text shown below the field, may be {@code null}
 * @param validation the {@code validate} block, never {@code null}
 * @param options static options, empty when none or when {@code valuesKey} is used
 * @param valuesKey the name of the dynamic option list, else {@code null}
 * @param disabled never taken from a request; shown disabled
 * @param readonly never taken from a request; shown read-only
 * @param subtype date, time or datetime for a datetime field, else {@code null}
 * @param path the variable name of a dynamic list's rows, else {@code null}
 * @param allowAddRemove a dynamic list whose rows the user may add and remove
 * @param defaultRepetitions rows shown for a dynamic list without values
 * @param components children of a group, or one row of a dynamic list
 * @param hide the {@code conditional.hide} condition, else {@code null}
 * @param defaultValue the default shown when no value is given, else {@code null}
 * @param text the text of a text component (plain text with placeholders)
 * @param decimalDigits number: the most decimal digits allowed, else {@code null}
 * @param increment number: values must be a multiple of this, else {@code null}
 * @param disallowPassedDates datetime: dates before today are refused
 * @param layoutRow the form-js layout row id, may be {@code null}
 * @param layoutColumns the form-js layout width in columns of 16, {@code null} for automatic
 */
public record FormComponent(
    String id,
    ComponentType type,
    String key,
    String label,
    String description,
    Validation validation,
    List<FormOption> options,
    String valuesKey,
    boolean disabled,
    boolean readonly,
    DateSubtype subtype,
    String path,
    boolean allowAddRemove,
    int defaultRepetitions,
    List<FormComponent> components,
    HideCondition hide,
    Object defaultValue,
    String text,
    Integer decimalDigits,
    BigDecimal increment,
    boolean disallowPassedDates,
    String layoutRow,
    Integer layoutColumns) {

  public FormComponent {
    options = options == null ? List.of() : List.copyOf(options);
    components = components == null ? List.of() : List.copyOf(components);
    validation = validation == null ? Validation.NONE : validation;
    if (defaultValue instanceof List<?> list) {
      defaultValue = List.copyOf(list);
    }
  }

  /** Disabled and read-only fields keep their prefilled value whatever the request says. */
  public boolean isLocked() {
    return disabled || readonly;
  }

  public boolean isRequired() {
    return validation.required();
  }
}
