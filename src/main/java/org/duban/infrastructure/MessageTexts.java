package org.duban.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Words {@link MessageText}s from the message bundles. Stored texts are read from entities and read
 * models that templates show directly, so the bundles are reachable statically here: the Spring
 * bean only hands over the application's MessageSource at start-up. Without it (plain unit tests)
 * the bundles are read from {@code i18n/*.properties} on the class path.
 */
@Component
public class MessageTexts {

  /** The language of people nobody asked (e-mail, group robots, jobs): the hospital's own. */
  public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

  private static volatile MessageSource source;

  MessageTexts(MessageSource messages) {
    source = messages;
  }

  /**
   * The reader's language: the page's (set per request from {@code ?lang=}/the cookie), else the
   * default; never the server's own locale, which a job thread would otherwise get.
   */
  public static Locale readerLocale() {
    return LocaleContextHolder.getLocaleContext() == null
            || LocaleContextHolder.getLocaleContext().getLocale() == null
        ? DEFAULT
        : LocaleContextHolder.getLocale();
  }

  public static String render(MessageText text, Locale locale) {
    MessageSource messages = source();
    Object[] args =
        text.args().stream().map(a -> a instanceof MessageText t ? render(t, locale) : a).toArray();
    if (MessageText.LINES.equals(text.key())) {
      return String.join("\n", java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
    try {
      return messages.getMessage(text.key(), args, locale);
    } catch (NoSuchMessageException e) {
      return text.key();
    }
  }

  /**
   * The text in the given language, or null when the bundles have no such key (or are not loaded).
   */
  public static String renderIfKnown(MessageText text, Locale locale) {
    String words = render(text, locale);
    return words.equals(text.key()) ? null : words;
  }

  /**
   * A stored text in the reader's language: from its key when one was stored, else the words stored
   * before texts had keys (older rows, and people's own words).
   */
  public static String stored(String key, String argsJson, String words) {
    MessageText text = MessageText.stored(key, argsJson);
    return text == null ? words : render(text, readerLocale());
  }

  private static MessageSource source() {
    MessageSource messages = source;
    if (messages == null) {
      messages = bundlesOnClassPath();
      source = messages;
    }
    return messages;
  }

  /** The bundles as application.yml lists them, found on the class path (no Spring context). */
  private static MessageSource bundlesOnClassPath() {
    ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
    bundles.setDefaultEncoding("UTF-8");
    bundles.setFallbackToSystemLocale(false);
    try {
      for (Resource file :
          new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
        String name = file.getFilename();
        if (name != null && !name.contains("_")) {
          bundles.addBasenames("i18n/" + name.substring(0, name.length() - ".properties".length()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bundles;
  }
}
