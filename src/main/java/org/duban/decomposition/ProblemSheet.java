package org.duban.decomposition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The person's own rows with a 问题 column added, to fix in Excel: the table's columns under their
 * template headers (so that the sheet imports again once fixed; the row-number and problem columns
 * are ignored by import), each row as it was read (merged cells filled), and every problem of the
 * row. Problems of the file itself come first, on rows of their own.
 */
final class ProblemSheet {

  private ProblemSheet() {}

  /**
   * @param text a problem in the reader's language, without its row
   * @param rowHeader, problemHeader the two added columns' headers in the reader's language
   */
  static byte[] write(
      DecompositionReader.Result read,
      List<ImportProblem> problems,
      Function<ImportProblem, String> text,
      String sheetName,
      String rowHeader,
      String problemHeader) {
    Set<DecompositionColumn> columns = EnumSet.noneOf(DecompositionColumn.class);
    read.rows().forEach(row -> columns.addAll(row.cells().keySet()));
    Map<Integer, List<String>> byRow = new LinkedHashMap<>();
    for (ImportProblem problem : problems) {
      byRow.computeIfAbsent(problem.row(), r -> new ArrayList<>()).add(text.apply(problem));
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      WorkbookStyles styles = new WorkbookStyles(workbook);
      XSSFSheet sheet = workbook.createSheet(sheetName);
      Row header = sheet.createRow(0);
      int c = 0;
      sheet.setColumnWidth(c, WorkbookStyles.chineseWidth(5));
      DecompositionExportService.cell(header, c++, rowHeader, styles.header);
      for (DecompositionColumn column : columns) {
        sheet.setColumnWidth(
            c, WorkbookStyles.chineseWidth(column == DecompositionColumn.TITLE ? 20 : 10));
        DecompositionExportService.cell(header, c++, column.header(), styles.header);
      }
      int problemColumn = c;
      sheet.setColumnWidth(problemColumn, WorkbookStyles.chineseWidth(40));
      DecompositionExportService.cell(header, problemColumn, problemHeader, styles.header);

      int r = 1;
      // problems of the file or its header: they have no row of the table
      for (Map.Entry<Integer, List<String>> entry : byRow.entrySet()) {
        boolean ofARow = read.rows().stream().anyMatch(row -> row.rowNumber() == entry.getKey());
        if (!ofARow) {
          Row row = sheet.createRow(r++);
          DecompositionExportService.cell(
              row, 0, entry.getKey() == 0 ? "" : String.valueOf(entry.getKey()), styles.seq);
          DecompositionExportService.cell(
              row, problemColumn, String.join("\n", entry.getValue()), styles.text);
        }
      }
      for (SheetRow sheetRow : read.rows()) {
        Row row = sheet.createRow(r++);
        int col = 0;
        DecompositionExportService.cell(
            row, col++, String.valueOf(sheetRow.rowNumber()), styles.seq);
        for (DecompositionColumn column : columns) {
          SheetRow.Cell cell = sheetRow.cell(column);
          DecompositionExportService.cell(
              row, col++, cell.isError() ? cell.error() : cell.text(), styles.text);
        }
        DecompositionExportService.cell(
            row,
            problemColumn,
            String.join("\n", byRow.getOrDefault(sheetRow.rowNumber(), List.of())),
            styles.text);
      }
      sheet.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
