package org.duban.decomposition;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the decomposition tables under {@code src/test/resources/decomposition/} that the import
 * tests read. Run once by hand after changing it, and commit the files:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.duban.decomposition.DecompositionFixtureFiles src/test/resources/decomposition
 * </pre>
 *
 * The files name the people and departments of {@code TestHospital}; their deadlines fit a book for
 * 2026 seen on 2026-03-02 (see {@link DecompositionTestSupport}).
 */
public final class DecompositionFixtureFiles {

  static final String[] HEADER = {"序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "完成时限"};

  private DecompositionFixtureFiles() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/decomposition");
    Files.createDirectories(dir);

    // clean: a title row merged above the header (allowed), a formula 序号, a blank row, a new goal
    // area, collaborators separated by 、 and ，, text dates in two formats, a leader's name with a
    // space
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      text(sheet.createRow(0), 0, "2026年度目标任务分解表");
      sheet.addMergedRegion(CellRangeAddress.valueOf("A1:H1"));
      header(sheet, 2);
      row(
          sheet,
          3,
          "1",
          "医疗服务",
          "缩短平均住院日",
          "平均住院日≤6.5天",
          "测试医务部",
          "测试信息中心、测试护理部",
          "测试分管院长",
          "2026-06-30");
      Row second =
          row(
              sheet,
              4,
              null,
              "学科建设",
              "建设胸痛中心",
              "通过国家级胸痛中心认证",
              "测试医务部",
              "测试护理部，测试信息中心",
              "测试分管院长",
              "2026/9/30");
      second.createCell(0).setCellFormula("A4+1");
      Row third =
          row(sheet, 6, null, "学科建设", "推进电子病历评级", null, "测试信息中心", null, "测试 院长", "2026年12月31日");
      third.createCell(0).setCellValue(3);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      write(wb, dir.resolve("clean.xlsx"));
    }

    // clean-changed: clean with item 1 retitled
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(
          sheet,
          1,
          "1",
          "医疗服务",
          "缩短平均住院日至6.5天以内",
          "平均住院日≤6.5天",
          "测试医务部",
          "测试信息中心、测试护理部",
          "测试分管院长",
          "2026-06-30");
      write(wb, dir.resolve("clean-changed.xlsx"));
    }

    // clean-plus-one: the rows of clean, unchanged but plainly written, and a fourth
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(
          sheet,
          1,
          "1",
          "医疗服务",
          "缩短平均住院日",
          "平均住院日≤6.5天",
          "测试医务部",
          "测试护理部、测试信息中心",
          "测试分管院长",
          "2026-06-30");
      row(
          sheet,
          2,
          "2",
          "学科建设",
          "建设胸痛中心",
          "通过国家级胸痛中心认证",
          "测试医务部",
          "测试护理部、测试信息中心",
          "测试分管院长",
          "2026-09-30");
      row(sheet, 3, "3", "学科建设", "推进电子病历评级", null, "测试信息中心", null, "测试院长", "2026-12-31");
      row(sheet, 4, "4", "人才队伍", "引进学科带头人", "引进学科带头人2名", "测试医务部", null, "测试院长", "2026-11-30");
      write(wb, dir.resolve("clean-plus-one.xlsx"));
    }

    // reordered-columns: any column order, usual header variants, an extra column that is ignored
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("Sheet1");
      Row header = sheet.createRow(0);
      String[] names = {"完成时限", "工作任务", "序号", "牵头科室", "分管领导", "备注", "目标领域", "责任（协同）部门", "具体目标/指标"};
      for (int i = 0; i < names.length; i++) {
        text(header, i, names[i]);
      }
      Row r1 = sheet.createRow(1);
      String[] v1 = {
        "2026-05-31", "开展护理质量提升行动", "1", "测试护理部", "测试分管院长", "年度重点", "医疗服务", "测试医务部", "护理质量合格率≥95%"
      };
      for (int i = 0; i < v1.length; i++) {
        text(r1, i, v1[i]);
      }
      Row r2 = sheet.createRow(2);
      String[] v2 = {"2026-10-31", "上线互联网医院", "2", "测试信息中心", "测试院长", null, "医疗服务", null, null};
      for (int i = 0; i < v2.length; i++) {
        text(r2, i, v2[i]);
      }
      write(wb, dir.resolve("reordered-columns.xlsx"));
    }

    // real-date-cells: deadlines as Excel dates in an ISO format, the built-in m/d/yy, Chinese
    // Excel's built-in yyyy"年"m"月"d"日" (format 31, unknown to POI) and a DATE() formula
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      CellStyle iso = wb.createCellStyle();
      iso.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle builtIn = wb.createCellStyle();
      builtIn.setDataFormat((short) 14);
      CellStyle chinese = wb.createCellStyle();
      chinese.setDataFormat((short) 31);
      dateRow(sheet, 1, "1", "缩短平均住院日", LocalDate.of(2026, 6, 30), iso);
      dateRow(sheet, 2, "2", "降低药占比", LocalDate.of(2026, 7, 31), builtIn);
      dateRow(sheet, 3, "3", "提高床位使用率", LocalDate.of(2026, 8, 31), chinese);
      Row formula = row(sheet, 4, "4", "医疗服务", "优化门诊流程", null, "测试医务部", null, "测试分管院长", null);
      Cell cell = formula.createCell(7);
      cell.setCellFormula("DATE(2026,10,31)");
      cell.setCellStyle(iso);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      write(wb, dir.resolve("real-date-cells.xlsx"));
    }

    // chinese-date-text: 2026年6月30日, with full-width digits, with spaces
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", "2026年6月30日");
      row(sheet, 2, "2", "医疗服务", "降低药占比", null, "测试医务部", null, "测试分管院长", "２０２６年９月３０日");
      row(sheet, 3, "3", "医疗服务", "提高床位使用率", null, "测试医务部", null, "测试分管院长", "2026年 12 月 31 日");
      write(wb, dir.resolve("chinese-date-text.xlsx"));
    }

    // unknown-department: row 3 a lead department, row 4 a collaborating department the hospital
    // lacks
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      row(sheet, 2, "2", "医疗服务", "压缩行政开支", null, "测试财务部", null, "测试分管院长", "2026-06-30");
      row(sheet, 3, "3", "医疗服务", "改善就医环境", null, "测试医务部", "测试护理部、测试后勤部", "测试分管院长", "2026-06-30");
      write(wb, dir.resolve("unknown-department.xlsx"));
    }

    // unknown-leader: row 2 nobody, row 3 a department head named as leader in charge
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "张三", "2026-06-30");
      row(sheet, 2, "2", "医疗服务", "降低药占比", null, "测试医务部", null, "测试医务主任", "2026-06-30");
      write(wb, dir.resolve("unknown-leader.xlsx"));
    }

    // bad-date: not a day, and a day that does not exist
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", "2026年6月底");
      row(sheet, 2, "2", "医疗服务", "降低药占比", null, "测试医务部", null, "测试分管院长", "2026-02-30");
      write(wb, dir.resolve("bad-date.xlsx"));
    }

    // past-date: before 2026-03-02, inside the book period
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      row(sheet, 2, "2", "医疗服务", "降低药占比", null, "测试医务部", null, "测试分管院长", "2026-01-15");
      write(wb, dir.resolve("past-date.xlsx"));
    }

    // date-outside-period: after the book's end
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", "2027-03-31");
      write(wb, dir.resolve("date-outside-period.xlsx"));
    }

    // missing-cells: row 2 without lead department and deadline, row 3 without 序号
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, null, "测试护理部", "测试分管院长", null);
      row(sheet, 2, null, "医疗服务", "降低药占比", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      write(wb, dir.resolve("missing-cells.xlsx"));
    }

    // duplicate-seq: 序号 1 on rows 2 and 4
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      row(sheet, 2, "2", "医疗服务", "降低药占比", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      row(sheet, 3, "1", "医疗服务", "提高床位使用率", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      write(wb, dir.resolve("duplicate-seq.xlsx"));
    }

    // formula-error: a deadline =1/0, a title with #REF!, a lead department pasted as #N/A
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      Row r2 = row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", null);
      r2.createCell(7).setCellFormula("1/0");
      Row r3 = row(sheet, 2, "2", "医疗服务", null, null, "测试医务部", null, "测试分管院长", "2026-06-30");
      r3.createCell(2).setCellFormula("#REF!&\"任务\"");
      Row r4 = row(sheet, 3, "3", "医疗服务", "提高床位使用率", null, null, null, "测试分管院长", "2026-06-30");
      r4.createCell(4).setCellErrorValue(FormulaError.NA.getCode());
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      write(wb, dir.resolve("formula-error.xlsx"));
    }

    // merged-cells: a merged title above the header and 目标领域 merged over rows 3 to 5 (its value
    // fills them)
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      text(sheet.createRow(0), 0, "2026年度目标任务分解表");
      sheet.addMergedRegion(CellRangeAddress.valueOf("A1:H1"));
      header(sheet, 1);
      row(sheet, 2, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      row(sheet, 3, "2", null, "降低药占比", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      row(sheet, 4, "3", null, "提高床位使用率", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      sheet.addMergedRegion(CellRangeAddress.valueOf("B3:B5"));
      write(wb, dir.resolve("merged-cells.xlsx"));
    }

    // empty-sheet, no-header, header-missing-column
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("分解表");
      write(wb, dir.resolve("empty-sheet.xlsx"));
    }
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      Row header = sheet.createRow(0);
      text(header, 0, "事项");
      text(header, 1, "科室");
      text(header, 2, "时间");
      Row row = sheet.createRow(1);
      text(row, 0, "缩短平均住院日");
      text(row, 1, "测试医务部");
      text(row, 2, "2026-06-30");
      write(wb, dir.resolve("no-header.xlsx"));
    }
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      Row header = sheet.createRow(0);
      String[] names = {"序号", "目标领域", "工作任务", "牵头部门", "完成时限"};
      for (int i = 0; i < names.length; i++) {
        text(header, i, names[i]);
      }
      Row row = sheet.createRow(1);
      String[] values = {"1", "医疗服务", "缩短平均住院日", "测试医务部", "2026-06-30"};
      for (int i = 0; i < values.length; i++) {
        text(row, i, values[i]);
      }
      write(wb, dir.resolve("header-missing-column.xlsx"));
    }

    // a CSV renamed to .xlsx (refused) and a real Excel 97-2003 file (read like an .xlsx)
    Files.writeString(
        dir.resolve("not-xlsx.xlsx"),
        String.join(",", HEADER) + "\n1,医疗服务,缩短平均住院日,,测试医务部,,测试分管院长,2026-06-30\n",
        StandardCharsets.UTF_8);
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      header(sheet, 0);
      row(sheet, 1, "1", "医疗服务", "缩短平均住院日", null, "测试医务部", null, "测试分管院长", "2026-06-30");
      write(wb, dir.resolve("old-format.xls"));
    }
  }

  private static void header(Sheet sheet, int rowIndex) {
    Row row = sheet.createRow(rowIndex);
    for (int i = 0; i < HEADER.length; i++) {
      text(row, i, HEADER[i]);
    }
  }

  /** A row of the eight columns in template order; null leaves a cell out. */
  private static Row row(Sheet sheet, int rowIndex, String... values) {
    Row row = sheet.createRow(rowIndex);
    for (int i = 0; i < values.length; i++) {
      text(row, i, values[i]);
    }
    return row;
  }

  private static void dateRow(
      Sheet sheet, int rowIndex, String seq, String title, LocalDate deadline, CellStyle style) {
    Row row = row(sheet, rowIndex, seq, "医疗服务", title, null, "测试医务部", null, "测试分管院长", null);
    Cell cell = row.createCell(7);
    cell.setCellValue(deadline);
    cell.setCellStyle(style);
  }

  private static void text(Row row, int column, String value) {
    if (value != null) {
      row.createCell(column).setCellValue(value);
    }
  }

  private static void write(Workbook workbook, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      workbook.write(out);
    }
  }
}
