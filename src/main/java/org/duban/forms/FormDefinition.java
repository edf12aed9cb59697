package org.duban.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed, checked form: its id and its components in document order. Immutable. */
public final class FormDefinition {

  private final String id;
  private final List<FormComponent> components;

  FormDefinition(String id, List<FormComponent> components) {
    this.id = id;
    this.components = List.copyOf(components);
  }

  public String id() {
    return id;
  }

  /** Top-level components in document order (groups and dynamic lists hold their children). */
  public List<FormComponent> components() {
    return components;
  }

  /**
   * All fields (components with a key), depth first; fields of a dynamic list's row are included.
   */
  public List<FormComponent> fields() {
    List<FormComponent> out = new ArrayList<>();
    collectFields(components, out);
    return List.copyOf(out);
  }

  /** The component with the given id, anywhere in the form. */
  public Optional<FormComponent> component(String componentId) {
    return find(components, componentId);
  }

  /**
   * Builds what the Thymeleaf fragment {@code forms/fields :: fields} renders. Any argument may be
   * {@code null}.
   *
   * @param values prefilled values by key (dynamic lists: {@code List<Map<String,Object>>} by path)
   * @param errors error messages by request parameter name
   * @param options dynamic options by {@code valuesKey}
   */
  public FormView view(
      Map<String, ?> values, Map<String, String> errors, Map<String, List<FormOption>> options) {
    return new FormViewBuilder(this, values, errors, options).build();
  }

  private static void collectFields(List<FormComponent> list, List<FormComponent> out) {
    for (FormComponent c : list) {
      if (c.type().isField()) {
        out.add(c);
      }
      collectFields(c.components(), out);
    }
  }

  private static Optional<FormComponent> find(List<FormComponent> list, String componentId) {
    for (FormComponent c : list) {
      if (c.id().equals(componentId)) {
        return Optional.of(c);
      }
      Optional<FormComponent> nested = find(c.components(), componentId);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "FormDefinition[" + id + ", " + components.size() + " components]";
  }
}
