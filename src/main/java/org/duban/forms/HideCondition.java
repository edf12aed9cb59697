package org.duban.forms;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code conditional.hide} expression in one of the simple FEEL forms Duban evaluates itself:
 * {@code =field = "value"}, {@code =field != "value"}, {@code =field} and {@code =not(field)}. As
 * in form-js, a component is hidden only when the expression yields {@code true}.
 */
public final class HideCondition {

  private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
  private static final Pattern COMPARE =
      Pattern.compile("=\\s*" + NAME + "\\s*(=|!=)\\s*\"([^\"\\\\]*)\"\\s*");
  private static final Pattern NOT = Pattern.compile("=\\s*not\\s*\\(\\s*" + NAME + "\\s*\\)\\s*");
  private static final Pattern TRUTHY = Pattern.compile("=\\s*" + NAME + "\\s*");
  private static final Set<String> FEEL_WORDS =
      Set.of(
          "true",
          "false",
          "null",
          "not",
          "and",
          "or",
          "if",
          "then",
          "else",
          "for",
          "in",
          "return",
          "some",
          "every",
          "satisfies",
          "between",
          "instance",
          "of",
          "function");

  enum Operator {
    EQUALS,
    NOT_EQUALS,
    IS_TRUE,
    IS_FALSE
  }

  private final String expression;
  private final Operator operator;
  private final String field;
  private final String value;

  private HideCondition(String expression, Operator operator, String field, String value) {
    this.expression = expression;
    this.operator = operator;
    this.field = field;
    this.value = value;
  }

  /** Parses an expression; returns {@code null} when it is none of the supported forms. */
  static HideCondition parse(String expression) {
    Matcher m = COMPARE.matcher(expression);
    if (m.matches() && !FEEL_WORDS.contains(m.group(1))) {
      Operator op = m.group(2).equals("=") ? Operator.EQUALS : Operator.NOT_EQUALS;
      return new HideCondition(expression, op, m.group(1), m.group(3));
    }
    m = NOT.matcher(expression);
    if (m.matches() && !FEEL_WORDS.contains(m.group(1))) {
      return new HideCondition(expression, Operator.IS_FALSE, m.group(1), null);
    }
    m = TRUTHY.matcher(expression);
    if (m.matches() && !FEEL_WORDS.contains(m.group(1))) {
      return new HideCondition(expression, Operator.IS_TRUE, m.group(1), null);
    }
    return null;
  }

  /** The expression as written in the form, e.g. {@code =decision != "dispute"}. */
  public String expression() {
    return expression;
  }

  /** The variable the expression reads. */
  public String field() {
    return field;
  }

  /**
   * Evaluates the expression against variables looked up by name (a missing variable is {@code
   * null}). FEEL semantics: {@code null = "x"} is false, {@code null != "x"} is true, {@code
   * not(null)} and a non-boolean variable are not true.
   */
  boolean isHidden(Function<String, Object> variables) {
    Object actual = variables.apply(field);
    return switch (operator) {
      case EQUALS -> value.equals(actual);
      case NOT_EQUALS -> !value.equals(actual);
      case IS_TRUE -> Boolean.TRUE.equals(actual);
      case IS_FALSE -> Boolean.FALSE.equals(actual);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HideCondition other && expression.equals(other.expression);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression);
  }

  @Override
  public String toString() {
    return expression;
  }
}
