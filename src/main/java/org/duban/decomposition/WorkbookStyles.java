package org.duban.decomposition;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The cell styles of the decomposition table, shared by the export and the template. */
final class WorkbookStyles {

  private static final String FONT = "宋体";

  final XSSFCellStyle header;
  final XSSFCellStyle text;
  final XSSFCellStyle seq;
  final XSSFCellStyle date;
  final XSSFCellStyle percent;
  final XSSFCellStyle red;
  final XSSFCellStyle yellow;
  final XSSFCellStyle green;
  final XSSFCellStyle plain;
  final XSSFCellStyle title;

  WorkbookStyles(XSSFWorkbook workbook) {
    XSSFFont body = font(workbook, false, null);
    XSSFFont bold = font(workbook, true, null);
    header = bordered(workbook, bold);
    header.setAlignment(HorizontalAlignment.CENTER);
    header.setVerticalAlignment(VerticalAlignment.CENTER);
    header.setFillForegroundColor(rgb(0xEE, 0xF2, 0xF7));
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    text = bordered(workbook, body);
    seq = bordered(workbook, body);
    seq.setDataFormat(workbook.createDataFormat().getFormat("@"));
    seq.setAlignment(HorizontalAlignment.CENTER);
    date = bordered(workbook, body);
    date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    percent = bordered(workbook, body);
    percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
    red = light(workbook, rgb(0xD6, 0x30, 0x31), rgb(0xFF, 0xFF, 0xFF));
    yellow = light(workbook, rgb(0xE6, 0xA7, 0x00), rgb(0x1F, 0x29, 0x33));
    green = light(workbook, rgb(0x2F, 0x9E, 0x44), rgb(0xFF, 0xFF, 0xFF));
    plain = workbook.createCellStyle();
    plain.setFont(body);
    plain.setWrapText(true);
    plain.setVerticalAlignment(VerticalAlignment.TOP);
    title = workbook.createCellStyle();
    title.setFont(font(workbook, true, null));
  }

  private static XSSFCellStyle bordered(XSSFWorkbook workbook, XSSFFont font) {
    XSSFCellStyle style = workbook.createCellStyle();
    style.setFont(font);
    style.setWrapText(true);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    return style;
  }

  private static XSSFCellStyle light(XSSFWorkbook workbook, XSSFColor fill, XSSFColor ink) {
    XSSFCellStyle style = bordered(workbook, font(workbook, true, ink));
    style.setAlignment(HorizontalAlignment.CENTER);
    style.setFillForegroundColor(fill);
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return style;
  }

  private static XSSFFont font(XSSFWorkbook workbook, boolean bold, XSSFColor color) {
    XSSFFont font = workbook.createFont();
    font.setFontName(FONT);
    font.setFontHeightInPoints((short) 11);
    font.setBold(bold);
    if (color != null) {
      font.setColor(color);
    }
    return font;
  }

  private static XSSFColor rgb(int r, int g, int b) {
    return new XSSFColor(new byte[] {(byte) r, (byte) g, (byte) b}, null);
  }

  /** Column width for about this many Chinese characters (each is two Excel character widths). */
  static int chineseWidth(int characters) {
    return Math.min(255, characters * 2 + 1) * 256;
  }
}
