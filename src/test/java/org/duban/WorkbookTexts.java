package org.duban;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Every cell's text of an .xlsx, joined by {@code |}: what a person sees in a downloaded workbook.
 */
public final class WorkbookTexts {

  private WorkbookTexts() {}

  public static String of(byte[] xlsx) throws IOException {
    List<String> texts = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            texts.add(cell.toString());
          }
        }
      }
    }
    return String.join("|", texts);
  }
}
