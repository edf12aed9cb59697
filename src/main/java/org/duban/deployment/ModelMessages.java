package org.duban.deployment;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The checks' messages, in Chinese: admins read them on the models page and in the log. */
final class ModelMessages {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final MessageSource source;

  ModelMessages(MessageSource source) {
    this.source = source;
  }

  String get(String key, Object... args) {
    return source.getMessage(key, args, ZH);
  }

  private static final java.util.regex.Pattern LINE =
      java.util.regex.Pattern.compile("(?i)line(?:Number)?[=: ]+(\\d+)");

  /**
   * Why an XML file could not be read, for an admin: where (line) and what kind of mistake, with
   * the parser's own words last for whoever needs them.
   */
  String unreadableXml(Throwable e) {
    String raw = rootMessage(e);
    String text = raw == null ? "" : raw;
    java.util.regex.Matcher line = LINE.matcher(text);
    String where = line.find() ? get("model.xml.line", line.group(1)) : "";
    String what =
        text.contains("cvc-")
            ? get("model.xml.schema")
            : text.contains("must be terminated")
                    || text.contains("must start and end")
                    || text.contains("must be followed")
                    || text.contains("Premature end")
                    || text.contains("markup")
                ? get("model.xml.malformed")
                : get("model.xml.other");
    return where + what + get("model.xml.raw", text);
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
