package org.duban.forms;

/** The {@code subtype} of a datetime component. */
public enum DateSubtype {
  DATE("date"),
  TIME("time"),
  DATETIME("datetime");

  private final String jsonName;

  DateSubtype(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** The HTML input type that edits this subtype. */
  public String htmlInputType() {
    return switch (this) {
      case DATE -> "date";
      case TIME -> "time";
      case DATETIME -> "datetime-local";
    };
  }
}
