package org.duban.decomposition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads the decomposition table out of an .xlsx or an old .xls file: finds the sheet and its header
 * row, and returns the non-blank rows under it by column, with every problem of the file itself
 * (type, size, header, formula errors, and the limits a hostile file meets while it is streamed,
 * see {@link XlsxRowSource} and {@link XlsRowSource}). A merged region under the header gives its
 * value to every row it spans, as the office that merged it meant. It knows nothing of departments
 * or task books.
 */
final class DecompositionReader {

  static final long MAX_BYTES = 10L * 1024 * 1024;

  /** Hospitals put a title and a date above the table; the header is looked for this far down. */
  static final int HEADER_SEARCH_ROWS = 20;

  /**
   * Rows one table may bring: a hospital's book has a few hundred items; the planner checks and the
   * preview draws every row in one request, so a sheet of a hundred thousand rows would tie up the
   * server and the person's browser for nothing.
   */
  static final int MAX_ROWS = 5000;

  /**
   * Merged regions of the table taken: a table of 5,000 rows merges a few hundred cells; more are
   * refused, so that a sheet of a hundred thousand regions does not cost a minute.
   */
  static final int MAX_MERGED = 20_000;

  /** What the file holds, or why it cannot be read; {@code headerRow} is 0 when none was found. */
  record Result(int headerRow, List<SheetRow> rows, List<ImportProblem> problems) {

    static Result failed(ImportProblem problem) {
      return new Result(0, List.of(), List.of(problem));
    }

    boolean isReadable() {
      return headerRow > 0;
    }
  }

  private DecompositionReader() {}

  static Result read(byte[] content) {
    return read(content, Map.of());
  }

  /**
   * @param addedHeaders the admin's own header variants, by {@link DecompositionColumn#headerKey}
   */
  static Result read(byte[] content, Map<String, DecompositionColumn> addedHeaders) {
    FileMagic magic = content == null || content.length == 0 ? FileMagic.UNKNOWN : magic(content);
    return read(
        content, magic == FileMagic.OLE2 ? new XlsRowSource() : new XlsxRowSource(), addedHeaders);
  }

  static Result read(
      byte[] content, SheetRowSource source, Map<String, DecompositionColumn> addedHeaders) {
    if (content == null || content.length == 0) {
      return Result.failed(ImportProblem.ofFile("file.empty"));
    }
    if (content.length > MAX_BYTES) {
      return Result.failed(ImportProblem.ofFile("file.tooLarge", megabytes(content.length)));
    }
    FileMagic magic = magic(content);
    if (magic != FileMagic.OOXML && magic != FileMagic.OLE2) {
      return Result.failed(ImportProblem.ofFile("file.notXlsx"));
    }
    TableVisitor table = new TableVisitor(addedHeaders);
    try {
      source.read(content, table);
    } catch (SheetRowSource.Unreadable unreadable) {
      // a zip that is no workbook (a .docx, a damaged file), a zip bomb, a sheet of a million rows
      return Result.failed(unreadable.problem());
    }
    return table.result();
  }

  private static FileMagic magic(byte[] content) {
    try {
      return FileMagic.valueOf(content);
    } catch (RuntimeException tooShort) {
      return FileMagic.UNKNOWN;
    }
  }

  static String megabytes(long bytes) {
    return new BigDecimal(bytes)
        .divide(new BigDecimal(1024 * 1024), 1, java.math.RoundingMode.UP)
        .toPlainString();
  }

  /**
   * The table's rules applied to rows as they arrive: the header in the first 20 rows of the first
   * visible sheet that has one, then the rows under it, stopping at the 5,001st item row. Merged
   * regions come after a sheet's rows, so the cells they cover are filled at the end: the row
   * numbers of blank rows under the header are kept (a bit each) for that.
   */
  private static final class TableVisitor implements SheetRowSource.Visitor {

    private final Map<String, DecompositionColumn> addedHeaders;

    TableVisitor(Map<String, DecompositionColumn> addedHeaders) {
      this.addedHeaders = addedHeaders;
    }

    private boolean anyContent;
    private boolean sheetHasContent;
    private Result result;

    private int headerIndex = -1;

    /**
     * A header row that lacks columns, waiting for the row under it (a two-row header); -1 if none.
     */
    private int firstHeaderRow = -1;

    private List<ImportProblem> firstHeaderProblems = List.of();
    private final Map<DecompositionColumn, Integer> columns =
        new EnumMap<>(DecompositionColumn.class);
    private final List<SheetRow> rows = new ArrayList<>();
    private final BitSet blankRows = new BitSet();
    private final List<ImportProblem> cellProblems = new ArrayList<>();
    private final List<CellRangeAddress> merged = new ArrayList<>();
    private boolean tooManyRows;
    private boolean tooManyMerged;

    @Override
    public void startSheet(String name) {
      sheetHasContent = false;
    }

    @Override
    public boolean row(int rowIndex, List<SheetRowSource.SheetCell> cells) {
      if (headerIndex >= 0) {
        return tableRow(rowIndex, cells);
      }
      if (firstHeaderRow >= 0) {
        return secondHeaderRow(rowIndex, cells);
      }
      for (SheetRowSource.SheetCell cell : cells) {
        sheetHasContent |= !plainText(cell).isEmpty();
      }
      if (rowIndex < HEADER_SEARCH_ROWS && isHeader(cells, addedHeaders)) {
        return header(rowIndex, cells);
      }
      // past the rows a header may be in, the sheet matters only for whether it has any content
      return rowIndex < HEADER_SEARCH_ROWS - 1 || !(anyContent || sheetHasContent);
    }

    private boolean header(int rowIndex, List<SheetRowSource.SheetCell> cells) {
      int headerNumber = rowIndex + 1;
      List<ImportProblem> problems = new ArrayList<>();
      for (SheetRowSource.SheetCell cell : cells) {
        DecompositionColumn.ofHeader(plainText(cell), addedHeaders)
            .ifPresent(
                column -> {
                  if (columns.containsKey(column)) {
                    problems.add(
                        ImportProblem.atRow(headerNumber, "header.duplicate", column.header()));
                  } else {
                    columns.put(column, cell.column());
                  }
                });
      }
      List<String> missing = new ArrayList<>();
      for (DecompositionColumn column : DecompositionColumn.values()) {
        if (column.required() && !columns.containsKey(column)) {
          missing.add(column.header());
        }
      }
      if (!missing.isEmpty()) {
        problems.add(
            ImportProblem.atRow(headerNumber, "header.missing", String.join("、", missing)));
      }
      if (problems.size() == 1 && !missing.isEmpty()) {
        // offices write two-row headers (责任分工 over 牵头部门 and 配合部门): the next row may name the rest
        firstHeaderRow = rowIndex;
        firstHeaderProblems = problems;
        return true;
      }
      if (!problems.isEmpty()) {
        result = new Result(headerNumber, List.of(), problems);
        return false;
      }
      headerIndex = rowIndex;
      return true;
    }

    /**
     * The row under a header that lacks columns: when it names columns the first did not (and no
     * other), the header is the two rows and the table starts under the second; else the first
     * row's problem stands.
     */
    private boolean secondHeaderRow(int rowIndex, List<SheetRowSource.SheetCell> cells) {
      Map<DecompositionColumn, Integer> named = new EnumMap<>(DecompositionColumn.class);
      boolean onlyHeaders = rowIndex == firstHeaderRow + 1;
      for (SheetRowSource.SheetCell cell : cells) {
        var column = DecompositionColumn.ofHeader(plainText(cell), addedHeaders);
        if (column.isEmpty()
            || columns.containsKey(column.get())
            || named.containsKey(column.get())) {
          onlyHeaders = false;
        } else {
          named.put(column.get(), cell.column());
        }
      }
      if (!onlyHeaders || named.isEmpty()) {
        result = new Result(firstHeaderRow + 1, List.of(), firstHeaderProblems);
        return false;
      }
      columns.putAll(named);
      List<String> missing = new ArrayList<>();
      for (DecompositionColumn column : DecompositionColumn.values()) {
        if (column.required() && !columns.containsKey(column)) {
          missing.add(column.header());
        }
      }
      if (!missing.isEmpty()) {
        result =
            new Result(
                firstHeaderRow + 1,
                List.of(),
                List.of(
                    ImportProblem.atRow(
                        firstHeaderRow + 1, "header.missing", String.join("、", missing))));
        return false;
      }
      headerIndex = rowIndex;
      firstHeaderRow = -1;
      return true;
    }

    private boolean tableRow(int rowIndex, List<SheetRowSource.SheetCell> cells) {
      if (rowIndex <= headerIndex) {
        return true;
      }
      Map<Integer, SheetRow.Cell> byColumn = new HashMap<>();
      for (SheetRowSource.SheetCell cell : cells) {
        byColumn.put(cell.column(), cell.value());
      }
      Map<DecompositionColumn, SheetRow.Cell> values = new EnumMap<>(DecompositionColumn.class);
      boolean blank = true;
      for (Map.Entry<DecompositionColumn, Integer> column : columns.entrySet()) {
        SheetRow.Cell value = byColumn.getOrDefault(column.getValue(), SheetRow.Cell.BLANK);
        if (value.isError()) {
          cellProblems.add(
              ImportProblem.atRow(
                  rowIndex + 1,
                  "cell.formulaError",
                  column.getKey().header(),
                  new CellReference(rowIndex, column.getValue()).formatAsString(),
                  value.error()));
        }
        blank &= value.isBlank();
        values.put(column.getKey(), value);
      }
      if (blank) {
        blankRows.set(rowIndex);
        return true;
      }
      rows.add(new SheetRow(rowIndex + 1, values));
      if (rows.size() > MAX_ROWS) {
        // checked as rows arrive: the rest of the sheet is never read
        tooManyRows = true;
        return false;
      }
      return true;
    }

    @Override
    public void merged(CellRangeAddress region) {
      boolean inTable =
          headerIndex >= 0
              && region.getLastRow() > headerIndex
              && columns.values().stream()
                  .anyMatch(c -> c >= region.getFirstColumn() && c <= region.getLastColumn());
      if (!inTable) {
        return;
      }
      if (merged.size() < MAX_MERGED) {
        merged.add(region);
      } else {
        tooManyMerged = true;
      }
    }

    @Override
    public boolean endSheet() {
      if (firstHeaderRow >= 0 && result == null) {
        result = new Result(firstHeaderRow + 1, List.of(), firstHeaderProblems);
      }
      anyContent |= sheetHasContent;
      return result == null && headerIndex < 0;
    }

    Result result() {
      if (result != null) {
        return result;
      }
      if (headerIndex < 0) {
        return Result.failed(
            ImportProblem.ofFile(anyContent ? "sheet.noHeader" : "sheet.empty", requiredHeaders()));
      }
      int headerNumber = headerIndex + 1;
      if (tooManyRows) {
        return tooManyRows(headerNumber);
      }
      if (tooManyMerged) {
        return new Result(
            headerNumber,
            List.of(),
            List.of(ImportProblem.ofFile("table.tooManyMerged", String.valueOf(MAX_MERGED))));
      }
      merged.sort(
          Comparator.comparingInt(CellRangeAddress::getFirstRow)
              .thenComparingInt(CellRangeAddress::getFirstColumn));
      List<ImportProblem> problems = new ArrayList<>();
      for (CellRangeAddress region : merged) {
        if (region.getFirstRow() <= headerIndex) {
          // a region across the header and the rows: whether its text is a header or a value is a
          // guess
          problems.add(
              ImportProblem.atRow(headerNumber, "table.mergedHeader", region.formatAsString()));
        }
      }
      problems.addAll(cellProblems);
      List<SheetRow> table = merged.isEmpty() ? rows : withMergedCells();
      if (table.size() > MAX_ROWS) {
        return tooManyRows(headerNumber);
      }
      if (table.isEmpty() && problems.isEmpty()) {
        problems.add(ImportProblem.ofFile("sheet.noRows", String.valueOf(headerNumber)));
      }
      return new Result(headerNumber, table, problems);
    }

    private static Result tooManyRows(int headerNumber) {
      return new Result(
          headerNumber,
          List.of(),
          List.of(ImportProblem.ofFile("table.tooManyRows", String.valueOf(MAX_ROWS))));
    }

    /**
     * The rows with the cells a merged region covers filled with the region's value (the value of
     * its first cell, as Excel shows it in the whole region); a blank row a region covers becomes a
     * row of the table, as the region's value is in it. Regions of one column that overlap (Excel
     * never writes them) are taken once, so that filling costs at most one visit per row and
     * column.
     */
    private List<SheetRow> withMergedCells() {
      java.util.TreeMap<Integer, Map<DecompositionColumn, SheetRow.Cell>> byRow =
          new java.util.TreeMap<>();
      for (SheetRow row : rows) {
        byRow.put(row.rowNumber() - 1, new EnumMap<>(row.cells()));
      }
      Map<Integer, DecompositionColumn> columnAt = new HashMap<>();
      columns.forEach((column, index) -> columnAt.put(index, column));
      Map<DecompositionColumn, Integer> filledUpTo = new EnumMap<>(DecompositionColumn.class);
      for (CellRangeAddress region : merged) {
        DecompositionColumn column = columnAt.get(region.getFirstColumn());
        int first = region.getFirstRow();
        if (column == null
            || first <= headerIndex
            || first <= filledUpTo.getOrDefault(column, -1)) {
          continue;
        }
        filledUpTo.put(column, region.getLastRow());
        Map<DecompositionColumn, SheetRow.Cell> top = byRow.get(first);
        SheetRow.Cell value =
            top == null ? SheetRow.Cell.BLANK : top.getOrDefault(column, SheetRow.Cell.BLANK);
        if (value.isBlank() || value.isError()) {
          continue;
        }
        for (int r : byRow.subMap(first + 1, true, region.getLastRow(), true).keySet()) {
          byRow.get(r).merge(column, value, (old, filled) -> old.isBlank() ? filled : old);
        }
        // only the blank rows the region covers: a region may span a million rows, the blank rows
        // are set bits
        for (int r = blankRows.nextSetBit(first + 1);
            r >= 0 && r <= region.getLastRow();
            r = blankRows.nextSetBit(r + 1)) {
          if (!byRow.containsKey(r)) {
            Map<DecompositionColumn, SheetRow.Cell> cells =
                new EnumMap<>(DecompositionColumn.class);
            columns.keySet().forEach(c -> cells.put(c, SheetRow.Cell.BLANK));
            byRow.put(r, cells);
          }
          byRow.get(r).put(column, value);
        }
      }
      List<SheetRow> table = new ArrayList<>();
      byRow.forEach((r, cells) -> table.add(new SheetRow(r + 1, cells)));
      return table;
    }
  }

  private static boolean isHeader(
      List<SheetRowSource.SheetCell> cells, Map<String, DecompositionColumn> addedHeaders) {
    boolean seq = false;
    boolean title = false;
    for (SheetRowSource.SheetCell cell : cells) {
      var column = DecompositionColumn.ofHeader(plainText(cell), addedHeaders);
      seq |= column.filter(c -> c == DecompositionColumn.SEQ).isPresent();
      title |= column.filter(c -> c == DecompositionColumn.TITLE).isPresent();
    }
    return seq && title;
  }

  /** The cell's text when it is literal text (no number, no formula's result), else "". */
  private static String plainText(SheetRowSource.SheetCell cell) {
    return cell.literalText() ? cell.value().text() : "";
  }

  private static String requiredHeaders() {
    List<String> headers = new ArrayList<>();
    for (DecompositionColumn column : DecompositionColumn.values()) {
      if (!column.isIndicator()) {
        headers.add(column.header());
      }
    }
    return String.join("、", headers);
  }
}
