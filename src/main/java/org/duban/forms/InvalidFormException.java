package org.duban.forms;

/**
 * A form file Duban cannot render or validate: bad JSON, an unsupported component, a FEEL
 * expression it cannot evaluate, or an invalid property. The message is Chinese and names the form
 * and, where there is one, the component.
 */
public class InvalidFormException extends RuntimeException {

  private final String formId;
  private final String componentId;
  private final String code;

  InvalidFormException(
      String formId, String componentId, String code, String message, Throwable cause) {
    super(message, cause);
    this.formId = formId;
    this.componentId = componentId;
    this.code = code;
  }

  /** The form id (the file name without {@code .form}). */
  public String formId() {
    return formId;
  }

  /** The id of the offending component, or {@code null} for a problem of the whole form. */
  public String componentId() {
    return componentId;
  }

  /** The message code in the {@code i18n/forms} bundle, e.g. {@code forms.invalid.unsupported}. */
  public String code() {
    return code;
  }
}
