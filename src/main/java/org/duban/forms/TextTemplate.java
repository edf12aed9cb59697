package org.duban.forms;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of a text component. Only plain variable names are supported;
 * form-js's other templating ({@code {{#if}}}, {@code {{#loop}}}, paths, filters) is refused at
 * parse time. Substitution produces plain text: the page escapes it when it writes it out.
 */
final class TextTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");

  private TextTemplate() {}

  /** Returns the first placeholder that is not a plain variable name, or {@code null}. */
  static String firstUnsupported(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!NAME.matcher(m.group(1)).matches()) {
        return m.group();
      }
    }
    return null;
  }

  /** Replaces each placeholder with the text of the variable ({@code ""} when missing). */
  static String render(String text, Function<String, Object> variables) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Matcher name = NAME.matcher(m.group(1));
      String replacement =
          name.matches() ? ValueText.plain(variables.apply(name.group(1))) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
