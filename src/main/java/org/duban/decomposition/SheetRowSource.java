package org.duban.decomposition;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A workbook read as a stream of rows, sheet by sheet, each row seen once and in order, so that no
 * upload is ever held in memory as a whole workbook. The decomposition table's rules live in the
 * {@link Visitor} ({@link DecompositionReader}); a source knows only its file format and the limits
 * that keep a hostile file from exhausting the server. There are two sources: .xlsx ({@link
 * XlsxRowSource}) and old Excel 97-2003 .xls ({@link XlsRowSource}).
 */
interface SheetRowSource {

  /**
   * Pushes the visible sheets' rows to the visitor until it asks to stop; throws a refusal with a
   * problem for the user when the file cannot or must not be read.
   */
  void read(byte[] content, Visitor visitor) throws Unreadable;

  /**
   * One cell that is not blank: its column (0-based), its value, and whether it is literal text.
   */
  record SheetCell(int column, SheetRow.Cell value, boolean literalText) {}

  /** Receives the rows; each method may stop the reading. */
  interface Visitor {

    /** A visible sheet begins. */
    void startSheet(String name);

    /**
     * A row of the sheet (0-based index as in the file), with its non-blank cells in column order;
     * rows the file leaves out are not reported. Returns false to stop reading this sheet.
     */
    boolean row(int rowIndex, List<SheetCell> cells);

    /**
     * A merged region of the sheet; reported after all its rows, when the sheet was read to the
     * end.
     */
    void merged(CellRangeAddress region);

    /** The sheet ended or was stopped; returns false to read no further sheet. */
    boolean endSheet();
  }

  /** The file cannot or must not be read; the problem says why, in the user's words. */
  final class Unreadable extends Exception {

    private final transient ImportProblem problem;

    Unreadable(ImportProblem problem, Throwable cause) {
      super(problem.key(), cause, false, false);
      this.problem = problem;
    }

    ImportProblem problem() {
      return problem;
    }
  }
}
