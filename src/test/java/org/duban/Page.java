package org.duban;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.duban.forms.Html;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A rendered page parsed with attoparser (which Thymeleaf brings), read through the class names the
 * forms fragment promises: {@code form-field} wraps a control and its {@code field-error}.
 */
public final class Page {

  private final String html;
  private final List<Element> elements = new ArrayList<>();

  private Page(String html) {
    this.html = html;
    try {
      Document document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
      Html.collect(document, elements);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static Page of(MvcResult result) {
    try {
      return new Page(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String html() {
    return html;
  }

  /** Whether the page has an input, select or textarea with this name. */
  public boolean hasControl(String name) {
    return !controls(name).isEmpty();
  }

  /** The error messages shown in the {@code form-field} that holds the control with this name. */
  public List<String> errorsBeside(String controlName) {
    List<Element> fields =
        elements.stream()
            .filter(e -> hasClass(e, "form-field"))
            .filter(
                e ->
                    !descendants(
                            e, c -> isControl(c) && controlName.equals(c.getAttributeValue("name")))
                        .isEmpty())
            .toList();
    if (fields.isEmpty()) {
      throw new AssertionError(
          "no form-field holds a control named " + controlName + " in:\n" + html);
    }
    List<String> errors = new ArrayList<>();
    for (Element field : fields) {
      descendants(field, e -> hasClass(e, "field-error")).forEach(e -> errors.add(text(e)));
    }
    return errors;
  }

  /**
   * The cells of {@code table.list} tables that carry no {@code data-label}: on a phone such a
   * table becomes stacked cards, and a cell without a label shows a bare value.
   */
  public List<String> unlabelledListCells() {
    List<String> unlabelled = new ArrayList<>();
    elements.stream()
        .filter(e -> "table".equals(e.getElementName()) && hasClass(e, "list"))
        .forEach(
            table ->
                descendants(
                        table,
                        e -> "td".equals(e.getElementName()) && !e.hasAttribute("data-label"))
                    .forEach(td -> unlabelled.add(text(td))));
    return unlabelled;
  }

  /** How many cells of {@code table.list} tables the page has. */
  public long listCells() {
    return elements.stream()
        .filter(e -> "table".equals(e.getElementName()) && hasClass(e, "list"))
        .mapToLong(table -> descendants(table, e -> "td".equals(e.getElementName())).size())
        .sum();
  }

  /** Every field error on the page. */
  public List<String> allFieldErrors() {
    return texts("field-error");
  }

  /** The texts of the elements with this class. */
  public List<String> texts(String cssClass) {
    return elements.stream().filter(e -> hasClass(e, cssClass)).map(Page::text).toList();
  }

  private List<Element> controls(String name) {
    return elements.stream()
        .filter(e -> isControl(e) && name.equals(e.getAttributeValue("name")))
        .toList();
  }

  private static boolean hasClass(Element e, String cssClass) {
    return Html.hasClass(e, cssClass);
  }

  private static boolean isControl(Element e) {
    return Html.isControl(e);
  }

  private static String text(Element e) {
    return Html.text(e);
  }

  private static List<Element> descendants(Element root, Predicate<Element> filter) {
    return Html.descendants(root, filter);
  }
}
