package org.duban.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;

/**
 * What a person reads on a rendered page: its text (not scripts or styles, not comments) and the
 * attributes a browser shows or a script puts on the screen (titles, placeholders, labels of table
 * cells on small screens, confirm questions, a script's messages).
 */
final class VisibleWords {

  static final Set<String> SHOWN_ATTRIBUTES =
      Set.of(
          "title",
          "placeholder",
          "aria-label",
          "alt",
          "data-label",
          "data-confirm",
          "data-row-label",
          "data-msg-too-large",
          "data-msg-progress",
          "data-msg-failed",
          "data-msg-checking");
  private static final Set<String> NOT_READ = Set.of("script", "style");

  private VisibleWords() {}

  static List<String> of(String html) {
    List<String> out = new ArrayList<>();
    try {
      collect(new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html), out);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
    return out;
  }

  private static void collect(INestableNode parent, List<String> out) {
    for (INode node : parent.getChildren()) {
      if (node instanceof Text text) {
        add(text.getContent(), out);
      } else if (node instanceof Element element) {
        String name = element.getElementName().toLowerCase();
        element
            .getAttributeMap()
            .forEach(
                (attribute, value) -> {
                  boolean button =
                      "value".equalsIgnoreCase(attribute)
                          && "input".equals(name)
                          && ("submit".equalsIgnoreCase(element.getAttributeValue("type"))
                              || "button".equalsIgnoreCase(element.getAttributeValue("type")));
                  if (SHOWN_ATTRIBUTES.contains(attribute.toLowerCase()) || button) {
                    add(value, out);
                  }
                });
        if (!NOT_READ.contains(name)) {
          collect(element, out);
        }
      }
    }
  }

  private static void add(String text, List<String> out) {
    if (text == null) {
      return;
    }
    String words =
        text.replace("&nbsp;", " ")
            .replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .strip();
    if (!words.isEmpty()) {
      out.add(words);
    }
  }
}
