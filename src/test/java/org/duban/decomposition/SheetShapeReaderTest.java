package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.duban.decomposition.DecompositionColumn.COLLABORATORS;
import static org.duban.decomposition.DecompositionColumn.DEADLINE;
import static org.duban.decomposition.DecompositionColumn.GOAL_AREA;
import static org.duban.decomposition.DecompositionColumn.LEAD;
import static org.duban.decomposition.DecompositionColumn.LEADER;
import static org.duban.decomposition.DecompositionColumn.SEQ;
import static org.duban.decomposition.DecompositionColumn.TARGET;
import static org.duban.decomposition.DecompositionColumn.TITLE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The table as offices make it: merged cells that span several rows, old Excel 97-2003 files, and
 * the column headers hospitals write (and the ones an admin adds).
 */
class SheetShapeReaderTest {

  /** The headers of a hospital's own table: none of them is the template's. */
  private static final String[] HOSPITAL_HEADER = {
    "编号", "目标领域", "重点工作", "工作目标", "牵头单位", "配合单位", "责任领导", "时间节点"
  };

  /**
   * A table as an office formats it, in the given workbook: a title merged above the header, 目标领域
   * merged over rows 3 to 5, 牵头单位 and 责任领导 merged over rows 4 and 5, a real date in Chinese Excel's
   * format 年月日, a number 序号, a text formula and a formula error.
   */
  private static byte[] officeTable(Workbook wb) throws IOException {
    Sheet hidden = wb.createSheet("旧表");
    hidden.createRow(0).createCell(0).setCellValue("序号");
    wb.setSheetHidden(0, true);
    Sheet sheet = wb.createSheet("分解表");
    sheet.createRow(0).createCell(0).setCellValue("2026年度目标任务分解表");
    sheet.addMergedRegion(CellRangeAddress.valueOf("A1:H1"));
    Row header = sheet.createRow(1);
    for (int i = 0; i < HOSPITAL_HEADER.length; i++) {
      header.createCell(i).setCellValue(HOSPITAL_HEADER[i]);
    }
    CellStyle chineseDate = wb.createCellStyle();
    chineseDate.setDataFormat((short) 31); // yyyy"年"m"月"d"日" in Chinese Excel
    row(
        sheet,
        2,
        1,
        "医疗服务",
        "缩短平均住院日",
        "平均住院日≤6.5天",
        "医务科",
        "护理部",
        "院长",
        LocalDate.of(2026, 6, 30),
        chineseDate);
    row(
        sheet,
        3,
        2,
        null,
        "降低药占比",
        null,
        "药学部",
        null,
        "副院长（业务）",
        LocalDate.of(2026, 7, 31),
        chineseDate);
    Row fifth =
        row(
            sheet,
            4,
            3,
            null,
            null,
            null,
            null,
            "信息科",
            null,
            LocalDate.of(2026, 8, 31),
            chineseDate);
    fifth.createCell(2).setCellFormula("\"提高\"&\"床位使用率\"");
    fifth.createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
    sheet.addMergedRegion(CellRangeAddress.valueOf("B3:B5"));
    sheet.addMergedRegion(CellRangeAddress.valueOf("E4:E5"));
    sheet.addMergedRegion(CellRangeAddress.valueOf("G4:G5"));
    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    wb.setActiveSheet(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    wb.close();
    return out.toByteArray();
  }

  private static Row row(
      Sheet sheet,
      int index,
      int seq,
      String area,
      String title,
      String target,
      String lead,
      String collaborators,
      String leader,
      LocalDate deadline,
      CellStyle dateStyle) {
    Row row = sheet.createRow(index);
    row.createCell(0).setCellValue(seq);
    String[] texts = {area, title, target, lead, collaborators, leader};
    for (int i = 0; i < texts.length; i++) {
      if (texts[i] != null) {
        row.createCell(i + 1).setCellValue(texts[i]);
      }
    }
    Cell date = row.createCell(7);
    date.setCellValue(deadline);
    date.setCellStyle(dateStyle);
    return row;
  }

  private static void assertOfficeTableRead(DecompositionReader.Result result) {
    assertThat(result.headerRow()).isEqualTo(2);
    assertThat(result.problems())
        .containsExactly(ImportProblem.atRow(5, "cell.formulaError", "具体目标/指标", "D5", "#DIV/0!"));
    assertThat(result.rows())
        .extracting(
            r -> r.text(SEQ),
            r -> r.text(GOAL_AREA),
            r -> r.text(TITLE),
            r -> r.text(LEAD),
            r -> r.text(COLLABORATORS),
            r -> r.text(LEADER),
            r -> r.cell(DEADLINE).date())
        .containsExactly(
            tuple("1", "医疗服务", "缩短平均住院日", "医务科", "护理部", "院长", LocalDate.of(2026, 6, 30)),
            tuple("2", "医疗服务", "降低药占比", "药学部", "", "副院长（业务）", LocalDate.of(2026, 7, 31)),
            tuple("3", "医疗服务", "提高床位使用率", "药学部", "信息科", "副院长（业务）", LocalDate.of(2026, 8, 31)));
    assertThat(result.rows().get(0).text(TARGET)).isEqualTo("平均住院日≤6.5天");
  }

  @Test
  void anOldExcelFileIsReadWithItsMergedCellsDatesFormulasAndHiddenSheets() throws IOException {
    byte[] xls = officeTable(new HSSFWorkbook());

    assertOfficeTableRead(DecompositionReader.read(xls));
  }

  @Test
  void anXlsxOfTheSameShapeReadsTheSame() throws IOException {
    byte[] xlsx = officeTable(new XSSFWorkbook());

    assertOfficeTableRead(DecompositionReader.read(xlsx));
  }

  @Test
  void aMergedCellAcrossTheHeaderAndTheRowsIsNamed() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      Row header = sheet.createRow(0);
      for (int i = 0; i < DecompositionFixtureFiles.HEADER.length; i++) {
        header.createCell(i).setCellValue(DecompositionFixtureFiles.HEADER[i]);
      }
      Row row = sheet.createRow(1);
      String[] values = {"1", "医疗服务", "缩短平均住院日", "", "测试医务部", "", "测试分管院长", "2026-06-30"};
      for (int i = 0; i < values.length; i++) {
        row.createCell(i).setCellValue(values[i]);
      }
      sheet.addMergedRegion(CellRangeAddress.valueOf("D1:D2"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);

      assertThat(DecompositionReader.read(out.toByteArray()).problems())
          .containsExactly(ImportProblem.atRow(1, "table.mergedHeader", "D1:D2"));
    }
  }

  @Test
  void aDamagedOldExcelFileIsRefusedWithAMessage() throws IOException {
    byte[] xls = officeTable(new HSSFWorkbook());
    byte[] damaged = java.util.Arrays.copyOf(xls, 1024);

    assertThat(DecompositionReader.read(damaged).problems())
        .extracting(ImportProblem::key)
        .containsExactly("file.unreadableXls");
  }

  @Test
  void theHeadersHospitalsWriteAreRecognised() {
    Map<String, DecompositionColumn> expected =
        Map.ofEntries(
            Map.entry("牵头单位", LEAD),
            Map.entry("责任单位", LEAD),
            Map.entry("责任部门", LEAD),
            Map.entry("责任科室", LEAD),
            Map.entry("配合单位", COLLABORATORS),
            Map.entry("协办单位", COLLABORATORS),
            Map.entry("责任领导", LEADER),
            Map.entry("分管院领导", LEADER),
            Map.entry("时间节点", DEADLINE),
            Map.entry("完成时间", DEADLINE),
            Map.entry("工作目标", TARGET),
            Map.entry("主要任务", TITLE),
            Map.entry("编号", SEQ),
            Map.entry("指标名称", DecompositionColumn.INDICATOR_NAME),
            Map.entry("目标值", DecompositionColumn.INDICATOR_TARGET));
    expected.forEach(
        (header, column) ->
            assertThat(DecompositionColumn.ofHeader(" " + header + "* "))
                .as(header)
                .contains(column));
  }

  @Test
  void aHeaderAnAdminAddedIsRecognisedAndWithoutItTheColumnIsMissing() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      String[] headers = {"序号", "目标领域", "工作任务", "主办科室", "分管领导", "办结时间"};
      String[] values = {"1", "医疗服务", "缩短平均住院日", "测试医务部", "测试分管院长", "2026-06-30"};
      Row header = sheet.createRow(0);
      Row row = sheet.createRow(1);
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
        row.createCell(i).setCellValue(values[i]);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      byte[] xlsx = out.toByteArray();

      assertThat(DecompositionReader.read(xlsx).problems())
          .containsExactly(ImportProblem.atRow(1, "header.missing", "牵头部门、完成时限"));

      DecompositionReader.Result result =
          DecompositionReader.read(
              xlsx,
              Map.of(
                  DecompositionColumn.headerKey("主办科室"),
                  LEAD,
                  DecompositionColumn.headerKey("办结时间"),
                  DEADLINE));
      assertThat(result.problems()).isEmpty();
      assertThat(result.rows())
          .extracting(r -> r.text(LEAD), r -> r.text(DEADLINE))
          .containsExactly(tuple("测试医务部", "2026-06-30"));
    }
  }

  @Test
  void aTwoRowHeaderWithMergedGroupCellsIsReadAsOneHeader() throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      // 序号, 目标领域, 重点工作, 分管领导 and 完成时限 over both rows; 责任分工 over 牵头单位 and 配合单位
      Row first = sheet.createRow(0);
      String[] top = {"序号", "目标领域", "重点工作", "责任分工", "", "分管领导", "完成时限"};
      for (int i = 0; i < top.length; i++) {
        if (!top[i].isEmpty()) {
          first.createCell(i).setCellValue(top[i]);
        }
      }
      Row second = sheet.createRow(1);
      second.createCell(3).setCellValue("牵头单位");
      second.createCell(4).setCellValue("配合单位");
      for (String region : new String[] {"A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "G1:G2"}) {
        sheet.addMergedRegion(CellRangeAddress.valueOf(region));
      }
      Row row = sheet.createRow(2);
      String[] values = {"1", "医疗服务", "缩短平均住院日", "医务科", "护理部", "院长", "2026-06-30"};
      for (int i = 0; i < values.length; i++) {
        row.createCell(i).setCellValue(values[i]);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);

      DecompositionReader.Result result = DecompositionReader.read(out.toByteArray());

      assertThat(result.problems()).isEmpty();
      assertThat(result.headerRow()).isEqualTo(2);
      assertThat(result.rows())
          .extracting(r -> r.text(TITLE), r -> r.text(LEAD), r -> r.text(COLLABORATORS))
          .containsExactly(tuple("缩短平均住院日", "医务科", "护理部"));
    }
  }
}
