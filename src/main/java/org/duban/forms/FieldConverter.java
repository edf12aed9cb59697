package org.duban.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts the submitted text of one field to its typed value and checks the field's rules. One
 * error per field: the first rule that fails.
 */
final class FieldConverter {

  /** The e-mail pattern form-js uses. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
              + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

  /**
   * After removing spaces, hyphens and parentheses: international (+86..., 0086...), Chinese
   * mobile, Chinese landline with area code (and extension), or a 400/800 service number.
   */
  private static final Pattern PHONE =
      Pattern.compile("(?:\\+|00)[1-9]\\d{6,19}|1[3-9]\\d{9}|0[1-9]\\d{8,16}|[48]00\\d{7}");

  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s()\\-]");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final int MAX_NUMBER_LENGTH = 40;
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** A typed value, or the message code and arguments of the rule that failed. */
  record Outcome(Object value, String code, Object[] args) {

    static Outcome ok(Object value) {
      return new Outcome(value, null, null);
    }

    static Outcome error(String code, Object... args) {
      return new Outcome(null, code, args);
    }

    boolean failed() {
      return code != null;
    }
  }

  private final Clock clock;

  FieldConverter(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param raw the submitted values of the parameter (empty when absent)
   * @param allowed the options of a radio/select/checklist/taglist
   */
  Outcome convert(FormComponent c, List<String> raw, List<FormOption> allowed) {
    Validation rules = c.validation();
    return switch (c.type()) {
      case TEXTFIELD, TEXTAREA -> text(first(raw), rules);
      case NUMBER -> number(first(raw), c);
      case DATETIME -> dateTime(first(raw), c);
      case CHECKBOX ->
          raw.isEmpty() && rules.required()
              ? Outcome.error("forms.error.required")
              : Outcome.ok(!raw.isEmpty());
      case RADIO, SELECT -> single(first(raw), rules, allowed);
      case CHECKLIST, TAGLIST -> multi(raw, rules, allowed);
      default -> throw new IllegalArgumentException("not a field: " + c.type());
    };
  }

  private Outcome text(String raw, Validation rules) {
    String value = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (value.isEmpty()) {
      return rules.required() ? Outcome.error("forms.error.required") : Outcome.ok(null);
    }
    int length = value.codePointCount(0, value.length());
    if (rules.minLength() != null && length < rules.minLength()) {
      return Outcome.error("forms.error.minLength", rules.minLength());
    }
    if (rules.maxLength() != null && length > rules.maxLength()) {
      return Outcome.error("forms.error.maxLength", rules.maxLength());
    }
    // form-js tests the pattern with RegExp.test: a match anywhere in the value counts
    if (rules.pattern() != null && !Pattern.compile(rules.pattern()).matcher(value).find()) {
      return Outcome.error("forms.error.pattern");
    }
    if (rules.validationType() == Validation.ValidationType.EMAIL
        && !EMAIL.matcher(value).matches()) {
      return Outcome.error("forms.error.email");
    }
    if (rules.validationType() == Validation.ValidationType.PHONE
        && !PHONE.matcher(PHONE_SEPARATORS.matcher(value).replaceAll("")).matches()) {
      return Outcome.error("forms.error.phone");
    }
    return Outcome.ok(value);
  }

  private Outcome number(String raw, FormComponent c) {
    Validation rules = c.validation();
    String text = normalize(raw);
    if (text.isEmpty()) {
      return rules.required() ? Outcome.error("forms.error.required") : Outcome.ok(null);
    }
    if (text.length() > MAX_NUMBER_LENGTH || !DECIMAL.matcher(text).matches()) {
      return Outcome.error("forms.error.number");
    }
    BigDecimal value = new BigDecimal(text);
    BigDecimal stripped = value.stripTrailingZeros();
    Integer digits = c.decimalDigits();
    if (digits != null && stripped.scale() > digits) {
      return digits == 0
          ? Outcome.error("forms.error.integer")
          : Outcome.error("forms.error.decimalDigits", digits);
    }
    if (c.increment() != null && value.remainder(c.increment()).signum() != 0) {
      return Outcome.error("forms.error.increment", c.increment().toPlainString());
    }
    if (rules.min() != null && value.compareTo(rules.min()) < 0) {
      return Outcome.error("forms.error.min", rules.min().toPlainString());
    }
    if (rules.max() != null && value.compareTo(rules.max()) > 0) {
      return Outcome.error("forms.error.max", rules.max().toPlainString());
    }
    if (stripped.scale() <= 0) {
      BigInteger integral = stripped.toBigIntegerExact();
      if (integral.compareTo(LONG_MIN) >= 0 && integral.compareTo(LONG_MAX) <= 0) {
        return Outcome.ok(integral.longValueExact());
      }
    }
    return Outcome.ok(value);
  }

  private Outcome dateTime(String raw, FormComponent c) {
    String text = normalize(raw);
    if (text.isEmpty()) {
      return c.isRequired() ? Outcome.error("forms.error.required") : Outcome.ok(null);
    }
    DateSubtype subtype = c.subtype() == null ? DateSubtype.DATE : c.subtype();
    LocalDate date;
    Object value;
    try {
      switch (subtype) {
        case TIME -> {
          return Outcome.ok(LocalTime.parse(text));
        }
        case DATETIME -> {
          LocalDateTime dt = LocalDateTime.parse(text.replaceFirst("^(\\S+) (\\S+)$", "$1T$2"));
          date = dt.toLocalDate();
          value = dt;
        }
        default -> {
          date = LocalDate.parse(text);
          value = date;
        }
      }
    } catch (DateTimeParseException e) {
      return Outcome.error("forms.error." + subtype.jsonName());
    }
    if (c.disallowPassedDates() && date.isBefore(LocalDate.now(clock))) {
      return Outcome.error("forms.error.pastDate");
    }
    return Outcome.ok(value);
  }

  private Outcome single(String raw, Validation rules, List<FormOption> allowed) {
    if (raw == null || raw.isEmpty()) {
      return rules.required() ? Outcome.error("forms.error.required") : Outcome.ok(null);
    }
    return isAllowed(raw, allowed) ? Outcome.ok(raw) : Outcome.error("forms.error.option");
  }

  private Outcome multi(List<String> raw, Validation rules, List<FormOption> allowed) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String value : raw) {
      if (value != null && !value.isEmpty()) {
        if (!isAllowed(value, allowed)) {
          return Outcome.error("forms.error.option");
        }
        chosen.add(value);
      }
    }
    if (chosen.isEmpty() && rules.required()) {
      return Outcome.error("forms.error.required");
    }
    return Outcome.ok(List.copyOf(new ArrayList<>(chosen)));
  }

  private static boolean isAllowed(String value, List<FormOption> allowed) {
    return allowed.stream().anyMatch(o -> o.value().equals(value));
  }

  private static String first(List<String> raw) {
    return raw.isEmpty() ? null : raw.get(0);
  }

  /** Full-width digits and punctuation (from Chinese input methods) become ASCII. */
  private static String normalize(String raw) {
    return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
  }
}
