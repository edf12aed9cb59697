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

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
