package org.duban.decomposition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A decomposition table as a hospital writes it, built in code: the template's eight columns, one
 * row per item, departments and leaders by whatever names the test gives (医务科, 副院长（业务）…).
 */
public final class HospitalTable {

  private final List<String[]> rows = new ArrayList<>();

  /** A row of 序号, 目标领域, 工作任务, 具体目标, 牵头部门, 协同部门, 分管领导, 完成时限; null leaves a cell empty. */
  public HospitalTable row(String seq, String goalArea, String title, String target, String lead,
      String collaborators, String leader, String deadline) {
    rows.add(new String[] {seq, goalArea, title, target, lead, collaborators, leader, deadline});
    return this;
  }

  public byte[] xlsx() {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("分解表");
      write(sheet.createRow(0), DecompositionFixtureFiles.HEADER);
      for (int i = 0; i < rows.size(); i++) {
        write(sheet.createRow(i + 1), rows.get(i));
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Row row, String[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        row.createCell(i).setCellValue(values[i]);
      }
    }
  }
}
