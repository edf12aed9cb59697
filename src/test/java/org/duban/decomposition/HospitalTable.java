package org.duban.decomposition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A decomposition table as a hospital writes it, built in code: the template's eight columns (or
 * the hospital's own headers), one row per item, departments and leaders by whatever names the test
 * gives (医务科, 副院长（业务）…), cells merged over several rows as offices format them, saved as .xlsx or
 * as the old .xls.
 */
public final class HospitalTable {

  private final List<String[]> rows = new ArrayList<>();
  private final List<CellRangeAddress> merged = new ArrayList<>();
  private String[] header = DecompositionFixtureFiles.HEADER;

  /** The header row as this hospital writes it (牵头单位, 责任领导, 时间节点, 指标名称…). */
  public HospitalTable header(String... headers) {
    this.header = headers;
    return this;
  }

  /** A row of cells under {@link #header(String...)}, in its order; null leaves a cell empty. */
  public HospitalTable cells(String... cells) {
    rows.add(cells);
    return this;
  }

  /**
   * Merges a column's cells from data row {@code first} to {@code last} (1 = the first row under
   * the header).
   */
  public HospitalTable merge(int first, int last, int column) {
    merged.add(new CellRangeAddress(first, last, column, column));
    return this;
  }

  /** A row of 序号, 目标领域, 工作任务, 具体目标, 牵头部门, 协同部门, 分管领导, 完成时限; null leaves a cell empty. */
  public HospitalTable row(
      String seq,
      String goalArea,
      String title,
      String target,
      String lead,
      String collaborators,
      String leader,
      String deadline) {
    rows.add(new String[] {seq, goalArea, title, target, lead, collaborators, leader, deadline});
    return this;
  }

  public byte[] xlsx() {
    return write(new XSSFWorkbook());
  }

  /** The table as Excel 97-2003 (and WPS by default) saves it. */
  public byte[] xls() {
    return write(new HSSFWorkbook());
  }

  private byte[] write(Workbook created) {
    try (Workbook workbook = created;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("分解表");
      write(sheet.createRow(0), header);
      for (int i = 0; i < rows.size(); i++) {
        write(sheet.createRow(i + 1), rows.get(i));
      }
      merged.forEach(sheet::addMergedRegion);
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
