package org.duban.decomposition;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One non-blank row under the header, by column; {@code rowNumber} is the row as Excel shows it.
 */
record SheetRow(int rowNumber, Map<DecompositionColumn, Cell> cells) {

  SheetRow {
    cells = Collections.unmodifiableMap(new EnumMap<>(cells));
  }

  /**
   * A cell's value: its text as shown (trimmed, never null), the date of a real date cell, or why
   * it could not be read (a formula error), which the reader has reported.
   */
  record Cell(String text, LocalDate date, String error) {

    static final Cell BLANK = new Cell("", null, null);

    static Cell text(String text) {
      return new Cell(text, null, null);
    }

    static Cell date(LocalDate date) {
      return new Cell(date.toString(), date, null);
    }

    static Cell error(String error) {
      return new Cell("", null, error);
    }

    boolean isBlank() {
      return error == null && text.isEmpty();
    }

    boolean isError() {
      return error != null;
    }
  }

  Cell cell(DecompositionColumn column) {
    return cells.getOrDefault(column, Cell.BLANK);
  }

  String text(DecompositionColumn column) {
    return cell(column).text();
  }
}
