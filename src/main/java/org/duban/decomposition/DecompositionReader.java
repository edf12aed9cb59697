package org.duban.decomposition;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the decomposition table out of an .xlsx file: finds the sheet and its header row, and
 * returns the non-blank rows under it by column, with every problem of the file itself (type,
 * size, header, merged cells, formula errors). It knows nothing of departments or task books.
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
   * Built-in date formats of Chinese Excel (yyyy"年"m"月"d"日", m"月"d"日" and kin), which POI does
   * not know as dates; the time formats among 27..58 are left out.
   */
  private static final int[][] EAST_ASIAN_DATE_FORMATS = {{27, 31}, {36, 36}, {50, 54}, {57, 58}};

  private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

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
    if (content == null || content.length == 0) {
      return Result.failed(ImportProblem.ofFile("file.empty"));
    }
    if (content.length > MAX_BYTES) {
      return Result.failed(ImportProblem.ofFile("file.tooLarge", megabytes(content.length)));
    }
    FileMagic magic = FileMagic.valueOf(content);
    if (magic == FileMagic.OLE2) {
      return Result.failed(ImportProblem.ofFile("file.oldExcel"));
    }
    if (magic != FileMagic.OOXML) {
      return Result.failed(ImportProblem.ofFile("file.notXlsx"));
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      return read(workbook);
    } catch (Exception | LinkageError notAWorkbook) {
      // a zip that is no workbook (a .docx, a damaged file, a zip bomb): POI fails in many ways
      return Result.failed(ImportProblem.ofFile("file.notXlsx"));
    }
  }

  static String megabytes(long bytes) {
    return new BigDecimal(bytes).divide(new BigDecimal(1024 * 1024), 1, java.math.RoundingMode.UP).toPlainString();
  }

  private static Result read(XSSFWorkbook workbook) {
    boolean anyContent = false;
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
        continue;
      }
      Sheet sheet = workbook.getSheetAt(i);
      anyContent |= hasContent(sheet);
      for (int r = sheet.getFirstRowNum(); r >= 0 && r <= Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS - 1); r++) {
        Row row = sheet.getRow(r);
        if (row != null && isHeader(row)) {
          return readTable(workbook, sheet, row);
        }
      }
    }
    return Result.failed(ImportProblem.ofFile(anyContent ? "sheet.noHeader" : "sheet.empty", requiredHeaders()));
  }

  private static Result readTable(XSSFWorkbook workbook, Sheet sheet, Row headerRow) {
    List<ImportProblem> problems = new ArrayList<>();
    int headerNumber = headerRow.getRowNum() + 1;
    Map<DecompositionColumn, Integer> columns = new EnumMap<>(DecompositionColumn.class);
    for (Cell cell : headerRow) {
      DecompositionColumn.ofHeader(plainText(cell)).ifPresent(column -> {
        if (columns.containsKey(column)) {
          problems.add(ImportProblem.atRow(headerNumber, "header.duplicate", column.header()));
        } else {
          columns.put(column, cell.getColumnIndex());
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
      problems.add(ImportProblem.atRow(headerNumber, "header.missing", String.join("、", missing)));
    }
    if (!problems.isEmpty()) {
      return new Result(headerNumber, List.of(), problems);
    }

    List<CellRangeAddress> merged = mergedInTable(sheet, headerRow.getRowNum(), columns);
    for (CellRangeAddress region : merged) {
      int row = Math.max(region.getFirstRow(), headerRow.getRowNum()) + 1;
      problems.add(ImportProblem.atRow(row, "table.merged", region.formatAsString()));
    }
    List<SheetRow> rows = new ArrayList<>();
    for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<DecompositionColumn, SheetRow.Cell> cells = new EnumMap<>(DecompositionColumn.class);
      boolean blank = true;
      for (Map.Entry<DecompositionColumn, Integer> column : columns.entrySet()) {
        Cell cell = row.getCell(column.getValue());
        SheetRow.Cell value = cell == null ? SheetRow.Cell.BLANK : value(cell, workbook.isDate1904());
        if (value.isBlank() && covered(merged, r, column.getValue())) {
          value = SheetRow.Cell.MERGED;
        }
        if (value.isError() && value != SheetRow.Cell.MERGED) {
          problems.add(ImportProblem.atRow(r + 1, "cell.formulaError",
              column.getKey().header(), new CellReference(r, column.getValue()).formatAsString(), value.error()));
        }
        blank &= value.isBlank();
        cells.put(column.getKey(), value);
      }
      if (!blank) {
        rows.add(new SheetRow(r + 1, cells));
        if (rows.size() > MAX_ROWS) {
          return new Result(headerNumber, List.of(), List.of(ImportProblem.ofFile("table.tooManyRows",
              String.valueOf(MAX_ROWS))));
        }
      }
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(ImportProblem.ofFile("sheet.noRows", String.valueOf(headerNumber)));
    }
    return new Result(headerNumber, rows, problems);
  }

  /** Merged regions that touch the table: from the header down, in one of its columns, by row. */
  private static List<CellRangeAddress> mergedInTable(
      Sheet sheet, int headerRowIndex, Map<DecompositionColumn, Integer> columns) {
    List<CellRangeAddress> regions = new ArrayList<>();
    for (CellRangeAddress region : sheet.getMergedRegions()) {
      boolean inTable = region.getLastRow() >= headerRowIndex && columns.values().stream()
          .anyMatch(c -> c >= region.getFirstColumn() && c <= region.getLastColumn());
      if (inTable) {
        regions.add(region);
      }
    }
    regions.sort(java.util.Comparator.comparingInt(CellRangeAddress::getFirstRow)
        .thenComparingInt(CellRangeAddress::getFirstColumn));
    return regions;
  }

  private static boolean covered(List<CellRangeAddress> merged, int row, int column) {
    return merged.stream().anyMatch(region -> region.isInRange(row, column));
  }

  private static boolean isHeader(Row row) {
    boolean seq = false;
    boolean title = false;
    for (Cell cell : row) {
      var column = DecompositionColumn.ofHeader(plainText(cell));
      seq |= column.filter(c -> c == DecompositionColumn.SEQ).isPresent();
      title |= column.filter(c -> c == DecompositionColumn.TITLE).isPresent();
    }
    return seq && title;
  }

  private static boolean hasContent(Sheet sheet) {
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() != CellType.BLANK && !plainText(cell).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String plainText(Cell cell) {
    return cell.getCellType() == CellType.STRING ? clean(cell.getStringCellValue()) : "";
  }

  private static SheetRow.Cell value(Cell cell, boolean date1904) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> SheetRow.Cell.text(clean(cell.getStringCellValue()));
      case NUMERIC -> numeric(cell, date1904);
      case BOOLEAN -> SheetRow.Cell.text(cell.getBooleanCellValue() ? "TRUE" : "FALSE");
      case ERROR -> SheetRow.Cell.error(errorText(cell.getErrorCellValue()));
      default -> SheetRow.Cell.BLANK;
    };
  }

  private static SheetRow.Cell numeric(Cell cell, boolean date1904) {
    double value = cell.getNumericCellValue();
    CellStyle style = cell.getCellStyle();
    int format = style == null ? 0 : style.getDataFormat();
    String formatString = style == null ? "General" : style.getDataFormatString();
    if (isDateFormat(format, formatString) && DateUtil.isValidExcelDate(value)) {
      LocalDate date = DateUtil.getLocalDateTime(value, date1904).toLocalDate();
      return SheetRow.Cell.date(date);
    }
    return SheetRow.Cell.text(clean(FORMATTER.formatRawCellContents(value, format, formatString == null ? "General" : formatString)));
  }

  static boolean isDateFormat(int format, String formatString) {
    for (int[] range : EAST_ASIAN_DATE_FORMATS) {
      if (format >= range[0] && format <= range[1]) {
        return true;
      }
    }
    return formatString != null && DateUtil.isADateFormat(format, formatString);
  }

  private static String errorText(byte code) {
    try {
      return FormulaError.forInt(code).getString();
    } catch (IllegalArgumentException unknown) {
      return "#ERROR";
    }
  }

  /** Trims ordinary, no-break and ideographic spaces. */
  static String clean(String text) {
    return text == null ? "" : text.replace('\u00A0', ' ').strip();
  }

  private static String requiredHeaders() {
    List<String> headers = new ArrayList<>();
    for (DecompositionColumn column : DecompositionColumn.values()) {
      headers.add(column.header());
    }
    return String.join("、", headers);
  }
}
