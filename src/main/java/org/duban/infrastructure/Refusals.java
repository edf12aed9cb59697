package org.duban.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page shows a {@link UserError}, the same on every page: beside its field (or above the form
 * when it concerns no field) when the form is shown again, or as the page's warning after a
 * redirect ({@code layout.html} shows the flash attribute {@code warning}, with {@code
 * warningArgs}).
 */
public final class Refusals {

  /** The flash attribute the layout shows as a warning: a message key. */
  public static final String WARNING = "warning";

  /** The arguments of the {@link #WARNING} key, when it has any. */
  public static final String WARNING_ARGS = "warningArgs";

  private Refusals() {}

  /** Every problem of the refusal into the form's binding result: on its field, or on the form. */
  public static void reject(BindingResult result, UserError error) {
    for (UserError problem : error.problems()) {
      if (problem.field() == null) {
        result.reject(problem.key(), problem.args(), null);
      } else if (result.getFieldType(problem.field()) != null) {
        result.rejectValue(problem.field(), problem.key(), problem.args(), null);
      } else {
        // a field this form does not have (the refusal came from a step of another page): above the
        // form
        result.reject(problem.key(), problem.args(), null);
      }
    }
  }

  /**
   * The refusal as the warning of the page redirected to. Only its key and arguments are kept (the
   * flash lives in the JDBC session, which holds only what serialises), so arguments are texts or
   * numbers.
   */
  public static void flash(RedirectAttributes redirect, UserError error) {
    redirect.addFlashAttribute(WARNING, error.key());
    if (error.args().length > 0) {
      redirect.addFlashAttribute(WARNING_ARGS, error.args());
    }
  }

  /**
   * Field name to message, for forms that show errors from a map (the task forms); a refusal of no
   * field is kept under the empty name.
   */
  public static Map<String, String> byField(
      UserError error, MessageSource messages, Locale locale) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (UserError problem : error.problems()) {
      byField.putIfAbsent(
          problem.field() == null ? "" : problem.field(), messages.getMessage(problem, locale));
    }
    return byField;
  }

  /** Every problem's message in the reader's language, in the order found. */
  public static List<String> messages(UserError error, MessageSource messages, Locale locale) {
    return error.problems().stream().map(problem -> messages.getMessage(problem, locale)).toList();
  }
}
