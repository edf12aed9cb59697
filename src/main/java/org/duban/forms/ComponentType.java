package org.duban.forms;

import java.util.Arrays;
import java.util.Optional;

/** The form-js component types Duban renders and validates on the server. */
public enum ComponentType {
  TEXTFIELD("textfield", Kind.FIELD),
  TEXTAREA("textarea", Kind.FIELD),
  NUMBER("number", Kind.FIELD),
  DATETIME("datetime", Kind.FIELD),
  CHECKBOX("checkbox", Kind.FIELD),
  CHECKLIST("checklist", Kind.FIELD),
  RADIO("radio", Kind.FIELD),
  SELECT("select", Kind.FIELD),
  TAGLIST("taglist", Kind.FIELD),
  TEXT("text", Kind.DISPLAY),
  SEPARATOR("separator", Kind.DISPLAY),
  SPACER("spacer", Kind.DISPLAY),
  GROUP("group", Kind.CONTAINER),
  DYNAMICLIST("dynamiclist", Kind.CONTAINER);

  private enum Kind {
    FIELD,
    DISPLAY,
    CONTAINER
  }

  private final String jsonName;
  private final Kind kind;

  ComponentType(String jsonName, Kind kind) {
    this.jsonName = jsonName;
    this.kind = kind;
  }

  /** The {@code type} as written in the form JSON, e.g. {@code "textfield"}. */
  public String jsonName() {
    return jsonName;
  }

  /** An input bound to a variable by its {@code key}. */
  public boolean isField() {
    return kind == Kind.FIELD;
  }

  public boolean isContainer() {
    return kind == Kind.CONTAINER;
  }

  /** Radio, select, checklist and taglist: the value must be one of the options. */
  public boolean hasOptions() {
    return this == RADIO || this == SELECT || this == CHECKLIST || this == TAGLIST;
  }

  /** Checklist and taglist: several values, sent as repeated request parameters. */
  public boolean isMultiValue() {
    return this == CHECKLIST || this == TAGLIST;
  }

  static Optional<ComponentType> fromJson(String name) {
    return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
  }
}
