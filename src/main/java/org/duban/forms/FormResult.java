package org.duban.forms;

import java.util.Collections;
import java.util.Map;

/**
 * The outcome of validating one submission.
 *
 * <ul>
 *   <li>{@link #values()}: typed values by key of every visible field ({@code null} for an empty
 *       optional field); meaningful when {@link #isValid()}.
 *   <li>{@link #errors()}: messages by request parameter name ({@code key} or {@code path[i].key}).
 *   <li>{@link #displayValues()}: what to show when the form is rendered again after errors: typed
 *       values where valid, the submitted text where not.
 * </ul>
 */
public final class FormResult {

  private final Map<String, Object> values;
  private final Map<String, String> errors;
  private final Map<String, Object> displayValues;

  FormResult(
      Map<String, Object> values, Map<String, String> errors, Map<String, Object> displayValues) {
    this.values = Collections.unmodifiableMap(values);
    this.errors = Collections.unmodifiableMap(errors);
    this.displayValues = Collections.unmodifiableMap(displayValues);
  }

  public Map<String, Object> values() {
    return values;
  }

  public Map<String, String> errors() {
    return errors;
  }

  public Map<String, Object> displayValues() {
    return displayValues;
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The typed value of a top-level field or dynamic list. */
  public Object value(String key) {
    return values.get(key);
  }

  /** The error message for a request parameter name, or {@code null}. */
  public String error(String parameterName) {
    return errors.get(parameterName);
  }

  @Override
  public String toString() {
    return "FormResult[values=" + values + ", errors=" + errors + "]";
  }
}
