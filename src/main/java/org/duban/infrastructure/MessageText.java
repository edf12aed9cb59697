package org.duban.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text for people kept as a message key and its arguments, so that what is stored today (history,
 * notices, notifications, light reasons) is worded in the reader's language when read, not in
 * Chinese when written. An argument is either a plain value shown as it is (a title, a date, a
 * person's own words) or a MessageText itself: a code such as a light or a rung, worded through its
 * own key. Stored as a key column and an arguments column holding {@link #argsJson()}.
 */
public record MessageText(String key, List<Object> args) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public MessageText {
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args.stream().map(MessageText::plain).toList());
  }

  /** The key of {@link #lines}: not a bundle key, the renderer joins the arguments line by line. */
  public static final String LINES = "@lines";

  /**
   * Several texts (or words), one per line: a body of a varying number of lines (the weekly
   * digest).
   */
  public static MessageText lines(List<?> lines) {
    return new MessageText(LINES, new ArrayList<>(lines));
  }

  /** Null arguments become empty text; values that are not texts are kept as their string. */
  public static MessageText of(String key, Object... args) {
    return new MessageText(key, Arrays.asList(args));
  }

  private static Object plain(Object arg) {
    return arg instanceof MessageText ? arg : arg == null ? "" : String.valueOf(arg);
  }

  /** This text in the given language (see {@link MessageTexts}). */
  public String in(Locale locale) {
    return MessageTexts.render(this, locale);
  }

  /** The arguments as JSON: strings, and {"key":…,"args":[…]} for texts. */
  public String argsJson() {
    try {
      return JSON.writeValueAsString(argsNode(args));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayNode argsNode(List<Object> args) {
    ArrayNode array = JSON.createArrayNode();
    for (Object arg : args) {
      if (arg instanceof MessageText text) {
        ObjectNode node = array.addObject();
        node.put("key", text.key());
        node.set("args", argsNode(text.args()));
      } else {
        array.add((String) arg);
      }
    }
    return array;
  }

  /**
   * The text stored as a key and arguments; null when no key was stored (a row older than keys).
   */
  public static MessageText stored(String key, String argsJson) {
    if (key == null) {
      return null;
    }
    if (argsJson == null || argsJson.isBlank()) {
      return new MessageText(key, List.of());
    }
    try {
      return new MessageText(key, args(JSON.readTree(argsJson)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("arguments of " + key + " are not JSON: " + argsJson, e);
    }
  }

  private static List<Object> args(JsonNode array) {
    List<Object> args = new ArrayList<>();
    for (JsonNode arg : array) {
      args.add(
          arg.isObject()
              ? new MessageText(arg.get("key").asText(), args(arg.path("args")))
              : arg.asText());
    }
    return args;
  }
}
