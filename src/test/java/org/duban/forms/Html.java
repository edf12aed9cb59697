package org.duban.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;

/** Rendered HTML parsed into elements (with attoparser, which Thymeleaf brings) for assertions. */
public final class Html {

  private final List<Element> elements = new ArrayList<>();

  Html(String html) {
    try {
      Document document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
      collect(document, elements);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  List<Element> all(Predicate<Element> filter) {
    return elements.stream().filter(filter).toList();
  }

  List<Element> tags(String name) {
    return all(e -> e.getElementName().equalsIgnoreCase(name));
  }

  Element byId(String id) {
    List<Element> found = all(e -> id.equals(e.getAttributeValue("id")));
    if (found.size() != 1) {
      throw new AssertionError("expected one element with id " + id + " but found " + found.size());
    }
    return found.get(0);
  }

  /** Inputs, selects and textareas with the given name. */
  List<Element> controls(String name) {
    return all(e -> name.equals(e.getAttributeValue("name")) && isControl(e));
  }

  Element control(String name) {
    List<Element> found = controls(name);
    if (found.size() != 1) {
      throw new AssertionError("expected one control named " + name + " but found " + found.size());
    }
    return found.get(0);
  }

  List<Element> withClass(String cssClass) {
    return all(e -> hasClass(e, cssClass));
  }

  public static boolean hasClass(Element e, String cssClass) {
    String classes = e.getAttributeValue("class");
    return classes != null && List.of(classes.trim().split("\\s+")).contains(cssClass);
  }

  public static boolean isControl(Element e) {
    String name = e.getElementName().toLowerCase();
    return name.equals("input") || name.equals("select") || name.equals("textarea");
  }

  /** The text inside an element, as written in the HTML (entities not decoded). */
  public static String text(Element e) {
    StringBuilder out = new StringBuilder();
    appendText(e, out);
    return out.toString().strip();
  }

  public static List<Element> descendants(Element root, Predicate<Element> filter) {
    List<Element> out = new ArrayList<>();
    collect(root, out);
    out.remove(root);
    return out.stream().filter(filter).toList();
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

  /** Every element in and below a node, in document order. */
  public static void collect(INestableNode node, List<Element> out) {
    if (node instanceof Element e) {
      out.add(e);
    }
    for (INode child : node.getChildren()) {
      if (child instanceof INestableNode nested) {
        collect(nested, out);
      }
    }
  }
}
