package org.duban.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The results as an Excel workbook (Apache POI): a summary sheet (weights, every department's and
 * leader's score, appeals) and one sheet per department with each item's score and reasons.
 */
@Service
public class AssessmentExport {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final AssessmentResults results;
  private final MessageSource messages;

  AssessmentExport(AssessmentResults results, MessageSource messages) {
    this.results = results;
    this.messages = messages;
  }

  public record Download(String fileName, byte[] content) {}

  public Download export(Long assessmentId, Locale locale) {
    AssessmentResults.Overview overview = results.overview(assessmentId);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle score = workbook.createCellStyle();
      score.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
      Set<String> sheetNames = new HashSet<>();

      Sheet summary =
          workbook.createSheet(unique(text("assessment.export.summary", locale), sheetNames));
      int r = 0;
      cell(
          summary.createRow(r++),
          0,
          overview.bookTitle() + " " + text("assessment.title", locale),
          bold);
      cell(
          summary.createRow(r++),
          0,
          text("assessment.status." + overview.assessment().getStatus(), locale),
          null);
      r++;
      header(
          summary.createRow(r++),
          bold,
          text("assessment.col.area", locale),
          text("assessment.col.weight", locale));
      for (AssessmentResults.WeightRow weight : overview.weights()) {
        Row row = summary.createRow(r++);
        cell(row, 0, weight.area(), null);
        row.createCell(1).setCellValue(weight.weight());
      }
      r++;
      header(
          summary.createRow(r++),
          bold,
          text("assessment.col.rank", locale),
          text("assessment.col.department", locale),
          text("assessment.col.departmentScore", locale),
          text("assessment.col.items", locale),
          text("assessment.col.appeal", locale));
      for (AssessmentResults.DepartmentResult department : overview.departments()) {
        Row row = summary.createRow(r++);
        row.createCell(0).setCellValue(department.rank());
        cell(row, 1, department.name(), null);
        number(row, 2, department.score(), score);
        row.createCell(3).setCellValue(department.items().size());
        cell(row, 4, appeal(department.appeal(), locale), null);
      }
      r++;
      header(
          summary.createRow(r++),
          bold,
          text("assessment.col.rank", locale),
          text("assessment.col.leader", locale),
          text("assessment.col.leaderScore", locale),
          text("assessment.col.items", locale));
      for (AssessmentResults.LeaderResult leader : overview.leaders()) {
        Row row = summary.createRow(r++);
        row.createCell(0).setCellValue(leader.rank());
        cell(row, 1, leader.name(), null);
        number(row, 2, leader.score(), score);
        row.createCell(3).setCellValue(leader.itemCount());
      }
      widths(summary, 5);
      for (AssessmentResults.DepartmentResult department : overview.departments()) {
        Sheet sheet = workbook.createSheet(unique(department.name(), sheetNames));
        int d = 0;
        Row title = sheet.createRow(d++);
        cell(title, 0, department.name(), bold);
        cell(title, 1, text("assessment.col.departmentScore", locale), bold);
        number(title, 2, department.score(), score);
        d++;
        header(
            sheet.createRow(d++),
            bold,
            text("assessment.col.seq", locale),
            text("assessment.col.area", locale),
            text("assessment.col.item", locale),
            text("assessment.col.leader", locale),
            text("assessment.col.completion", locale),
            text("assessment.col.attainment", locale),
            text("assessment.col.rectificationsOpen", locale),
            text("assessment.col.rectificationsSignedOff", locale),
            text("assessment.col.missedCheckIns", locale),
            text("assessment.col.originalScore", locale),
            text("assessment.col.finalScore", locale),
            text("assessment.col.reasons", locale),
            text("assessment.col.changeReason", locale));
        for (AssessmentResults.ItemRow item : department.items()) {
          Row row = sheet.createRow(d++);
          cell(row, 0, item.seq(), null);
          cell(row, 1, item.area(), null);
          cell(row, 2, item.title(), null);
          cell(row, 3, item.leader(), null);
          cell(row, 4, text("assessment.completion." + item.completion(), locale), null);
          if (item.indicatorAttainment() >= 0) {
            row.createCell(5).setCellValue(item.indicatorAttainment());
          } else if (item.indicatorAttainment() == ItemFacts.NO_READINGS) {
            cell(row, 5, text("assessment.noReadings", locale), null);
          } else {
            cell(row, 5, text("assessment.noIndicators", locale), null);
          }
          row.createCell(6).setCellValue(item.rectificationsOpen());
          row.createCell(7).setCellValue(item.rectificationsSignedOff());
          row.createCell(8).setCellValue(item.missedCheckIns());
          number(row, 9, item.originalScore(), score);
          number(row, 10, item.finalScore(), score);
          cell(row, 11, item.reasons(), null);
          cell(row, 12, item.changeReason(), null);
        }
        if (department.appeal() != null) {
          d++;
          cell(
              sheet.createRow(d++),
              0,
              text("assessment.col.appeal", locale) + "：" + department.appeal().getReason(),
              null);
          cell(sheet.createRow(d++), 0, appeal(department.appeal(), locale), null);
        }
        widths(sheet, 13);
      }
      workbook.write(out);
      String fileName = overview.bookTitle() + "-" + text("assessment.title", locale) + ".xlsx";
      return new Download(fileName, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String appeal(AssessmentAppeal appeal, Locale locale) {
    if (appeal == null) {
      return text("assessment.appeal.none", locale);
    }
    if (!appeal.isDecided()) {
      return text("assessment.appeal.pending", locale);
    }
    return text("assessment.appeal.decision." + appeal.getDecision(), locale)
        + "："
        + appeal.getDecisionReason();
  }

  private static String unique(String name, Set<String> used) {
    String base = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "Sheet" : name);
    String candidate = base;
    for (int i = 2; used.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
      String suffix = "(" + i + ")";
      candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    used.add(candidate.toLowerCase(Locale.ROOT));
    return candidate;
  }

  private static void header(Row row, CellStyle style, String... titles) {
    for (int i = 0; i < titles.length; i++) {
      cell(row, i, titles[i], style);
    }
  }

  private static void cell(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value == null ? "" : value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static void number(Row row, int column, BigDecimal value, CellStyle style) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value.doubleValue());
      cell.setCellStyle(style);
    }
  }

  private static void widths(Sheet sheet, int columns) {
    for (int i = 0; i < columns; i++) {
      sheet.setColumnWidth(i, 14 * 256);
    }
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
