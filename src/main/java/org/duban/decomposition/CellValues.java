package org.duban.decomposition;

import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * A cell's value as the decomposition table reads it: text as Excel shows it, real dates as dates.
 */
final class CellValues {

  /**
   * Built-in date formats of Chinese Excel (yyyy"年"m"月"d"日", m"月"d"日" and kin), which POI does not
   * know as dates; the time formats among 27..58 are left out.
   */
  private static final int[][] EAST_ASIAN_DATE_FORMATS = {{27, 31}, {36, 36}, {50, 54}, {57, 58}};

  private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

  private CellValues() {}

  /** A number with its cell's format: a date when the format is one, else the number as shown. */
  static SheetRow.Cell numeric(double value, int format, String formatString, boolean date1904) {
    if (isDateFormat(format, formatString) && DateUtil.isValidExcelDate(value)) {
      LocalDate date = DateUtil.getLocalDateTime(value, date1904).toLocalDate();
      return SheetRow.Cell.date(date);
    }
    return SheetRow.Cell.text(
        clean(
            FORMATTER.formatRawCellContents(
                value, format, formatString == null ? "General" : formatString)));
  }

  static boolean isDateFormat(int format, String formatString) {
    for (int[] range : EAST_ASIAN_DATE_FORMATS) {
      if (format >= range[0] && format <= range[1]) {
        return true;
      }
    }
    return formatString != null && DateUtil.isADateFormat(format, formatString);
  }

  /** An error value as Excel shows it (#DIV/0!, #REF!…); #ERROR for one Excel does not know. */
  static String errorText(String code) {
    try {
      return FormulaError.forString(code).getString();
    } catch (IllegalArgumentException unknown) {
      return "#ERROR";
    }
  }

  /** Trims ordinary, no-break and ideographic spaces. */
  static String clean(String text) {
    return text == null ? "" : text.replace('\u00A0', ' ').strip();
  }
}
