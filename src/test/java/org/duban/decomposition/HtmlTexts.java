package org.duban.decomposition;

import java.util.ArrayList;
import java.util.List;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;

/** The texts of a page's elements with a class, parsed with attoparser (which Thymeleaf brings). */
final class HtmlTexts {

  private HtmlTexts() {}

  static List<String> byClass(String html, String cssClass) {
    try {
      List<String> texts = new ArrayList<>();
      collect(
          new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html), cssClass, texts);
      return texts;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void collect(INestableNode node, String cssClass, List<String> out) {
    if (node instanceof Element element) {
      String classes = element.getAttributeValue("class");
      if (classes != null && List.of(classes.trim().split("\\s+")).contains(cssClass)) {
        StringBuilder text = new StringBuilder();
        appendText(element, text);
        out.add(text.toString().strip().replaceAll("\\s+", " "));
      }
    }
    for (INode child : node.getChildren()) {
      if (child instanceof INestableNode nested) {
        collect(nested, cssClass, out);
      }
    }
  }

  private static void appendText(INestableNode node, StringBuilder out) {
    for (INode child : node.getChildren()) {
      if (child instanceof Text text) {
        out.append(text.getContent());
      } else if (child instanceof INestableNode nested) {
        appendText(nested, out);
      }
    }
  }
}
