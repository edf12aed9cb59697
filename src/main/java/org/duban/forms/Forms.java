package org.duban.forms;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Camunda Forms (form-js JSON) in Duban: parse and check a form, validate a submission on the
 * server. Render with the Thymeleaf fragment {@code forms/fields :: fields(form, values, errors,
 * options)}.
 */
@Component
public class Forms {

  private final FormParser parser;
  private final FormValidator validator;

  @Autowired
  public Forms(MessageSource messageSource) {
    this(messageSource, Clock.systemDefaultZone());
  }

  Forms(MessageSource messageSource, Clock clock) {
    this.parser = new FormParser(messageSource);
    this.validator = new FormValidator(messageSource, clock);
  }

  /**
   * Parses a form and checks that Duban can render and validate all of it.
   *
   * @param formId the form id, or the resource name ({@code forms/claim-item.form}); the JSON
   *     {@code id} must be the same
   * @throws InvalidFormException with a Chinese message naming the form and the component
   */
  public FormDefinition parse(String formId, String json) {
    return parser.parse(formId, json);
  }

  /**
   * Validates a submission of a form that has no disabled or read-only fields (they are left out of
   * the result) and whose fixed dynamic lists have their default number of rows.
   */
  public FormResult validate(
      FormDefinition form,
      MultiValueMap<String, String> params,
      Map<String, List<FormOption>> options,
      Locale locale) {
    return validator.validate(form, params, options, Map.of(), locale);
  }

  /**
   * Validates a submission.
   *
   * @param params the request parameters ({@code key}, {@code path[i].key}, repeated for
   *     checklist/taglist, a checkbox is checked when present)
   * @param options dynamic options by {@code valuesKey}; a missing list allows no value
   * @param prefilled the values the form was shown with (process variables), by key; dynamic lists
   *     as {@code List<Map<String,Object>>} by path. Disabled and read-only fields keep these; a
   *     dynamic list without add/remove has as many rows as given here; conditions may read any of
   *     them
   * @param locale the request locale for error messages (Chinese unless English)
   */
  public FormResult validate(
      FormDefinition form,
      MultiValueMap<String, String> params,
      Map<String, List<FormOption>> options,
      Map<String, ?> prefilled,
      Locale locale) {
    return validator.validate(form, params, options, prefilled, locale);
  }
}
