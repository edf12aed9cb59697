package org.duban.decomposition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.book.BookSummary;
import org.duban.book.IndicatorTerms;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBookQueries;
import org.duban.book.WorkItemQueries;
import org.duban.checkin.CheckIn;
import org.duban.checkin.CheckInService;
import org.duban.checkin.CheckInService.CheckInView;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.ItemEscalations;
import org.duban.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export of a task book's decomposition table with the live state of its items, as the viewer may
 * see them (a department sees its own items only). One filterable sheet whose first thirteen
 * columns are the import columns (the last five the item's indicators, several separated by ；), so
 * that an export imports into a new draft with its indicators.
 */
@Service
public class DecompositionExportService {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final TaskBookQueries books;
  private final CheckInService checkIns;
  private final ItemEscalations escalations;
  private final MessageSource messages;
  private final WorkItemQueries items;

  DecompositionExportService(
      TaskBookQueries books,
      CheckInService checkIns,
      ItemEscalations escalations,
      MessageSource messages,
      WorkItemQueries items) {
    this.items = items;
    this.books = books;
    this.checkIns = checkIns;
    this.escalations = escalations;
    this.messages = messages;
  }

  /** A file to download. */
  public record Download(String fileName, byte[] content) {}

  /**
   * The columns after the eight import columns; message key {@code
   * decomposition.export.column.<NAME>}.
   */
  enum StateColumn {
    STAGE(6),
    PERCENT_DONE(6),
    LIGHT(5),
    LIGHT_REASON(16),
    CHECK_IN_DATE(7),
    CHECK_IN_PERCENT(6),
    CHECK_IN_NARRATIVE(24),
    INDICATORS(18),
    LATEST_READINGS(18),
    OPEN_NOTICES(10);

    final int width;

    StateColumn(int width) {
      this.width = width;
    }
  }

  static final int[] IMPORT_COLUMN_WIDTHS = {4, 8, 20, 20, 8, 12, 6, 7, 12, 5, 6, 5, 6, 7};

  /** One item with what the export shows of its state. */
  private record Line(
      ItemSummary item,
      List<IndicatorTerms> indicators,
      LocalDate startDate,
      Optional<CheckInView> lastCheckIn,
      String latestReadings,
      List<String> openNotices) {}

  @Transactional(readOnly = true)
  public Download export(Long bookId, CurrentUser user, Locale locale) {
    // the print view's rule: the items the viewer may read, and 403 for a book with none of theirs
    TaskBookQueries.BookPrint readable = books.readable(bookId, user);
    BookSummary book = readable.book();
    List<Line> lines = new ArrayList<>();
    for (ItemSummary item : readable.items()) {
      List<CheckInView> views = checkIns.views(item.id());
      Optional<CheckInView> last =
          views.stream().filter(v -> v.status() == CheckIn.Status.SUBMITTED).findFirst();
      String readings =
          views.stream()
              .filter(v -> v.status() == CheckIn.Status.SUBMITTED && !v.readings().isEmpty())
              .findFirst()
              .map(v -> v.period() + "：" + String.join("；", v.readings()))
              .orElse("");
      List<String> notices = escalations.openNoticeNumbers(item.id());
      lines.add(
          new Line(
              item,
              items.indicatorsOf(item.id()),
              items.startDateOf(item.id()),
              last,
              readings,
              notices));
    }
    byte[] content = write(book, lines, user, locale);
    String date = EngineClock.today().format(DateTimeFormatter.BASIC_ISO_DATE);
    String fileName =
        messages.getMessage(
            "decomposition.export.fileName",
            new Object[] {safeFileName(book.title()), date},
            locale);
    return new Download(fileName, content);
  }

  private byte[] write(BookSummary book, List<Line> lines, CurrentUser user, Locale locale) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      WorkbookStyles styles = new WorkbookStyles(workbook);
      XSSFSheet sheet =
          workbook.createSheet(messages.getMessage("decomposition.export.sheet", null, locale));
      Row header = sheet.createRow(0);
      int column = 0;
      for (DecompositionColumn importColumn : DecompositionColumn.values()) {
        sheet.setColumnWidth(column, WorkbookStyles.chineseWidth(IMPORT_COLUMN_WIDTHS[column]));
        cell(header, column++, importColumn.header(), styles.header);
      }
      for (StateColumn stateColumn : StateColumn.values()) {
        sheet.setColumnWidth(column, WorkbookStyles.chineseWidth(stateColumn.width));
        cell(
            header,
            column++,
            messages.getMessage("decomposition.export.column." + stateColumn.name(), null, locale),
            styles.header);
      }
      int lastColumn = column - 1;

      int r = 1;
      for (Line line : lines) {
        ItemSummary item = line.item();
        Row row = sheet.createRow(r++);
        int c = 0;
        cell(row, c++, item.seq(), styles.seq);
        cell(row, c++, item.goalArea(), styles.text);
        cell(row, c++, item.title(), styles.text);
        cell(row, c++, item.targetText(), styles.text);
        cell(row, c++, item.leadDepartment(), styles.text);
        cell(row, c++, String.join("、", item.collaborators()), styles.text);
        cell(row, c++, item.leaderInCharge(), styles.text);
        date(row, c++, item.deadline(), styles.date);
        c = indicatorCells(row, c, line.indicators(), styles.text);
        date(row, c++, line.startDate(), styles.date);
        cell(
            row,
            c++,
            messages.getMessage("decomposition.export.stage." + item.stage().name(), null, locale),
            styles.text);
        percent(row, c++, item.percentDone(), styles.percent);
        String light = item.light() == null ? "NONE" : item.light().name();
        cell(
            row,
            c++,
            messages.getMessage("decomposition.export.light." + light, null, locale),
            lightStyle(styles, item));
        cell(row, c++, item.lightReason(), styles.text);
        date(
            row,
            c++,
            line.lastCheckIn().map(v -> v.recordedAt().toLocalDate()).orElse(null),
            styles.date);
        percent(
            row,
            c++,
            line.lastCheckIn().map(CheckInView::percentDone).orElse(null),
            styles.percent);
        cell(row, c++, line.lastCheckIn().map(CheckInView::narrative).orElse(null), styles.text);
        cell(row, c++, String.join("；", item.indicators()), styles.text);
        cell(row, c++, line.latestReadings(), styles.text);
        cell(row, c, String.join("、", line.openNotices()), styles.text);
      }

      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, lastColumn));
      sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      sheet.getHeader().setCenter(book.title());
      workbook.getProperties().getCoreProperties().setTitle(book.title());
      workbook.getProperties().getCoreProperties().setCreator(user.fullName());
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The five indicator columns of an item: each cell the indicators' values separated by ；. */
  static int indicatorCells(Row row, int c, List<IndicatorTerms> indicators, XSSFCellStyle style) {
    List<java.util.function.Function<IndicatorTerms, String>> values =
        List.of(
            IndicatorTerms::name,
            i -> IndicatorCells.word(i.direction()),
            i -> PlannedIndicator.plain(i.target()),
            i -> i.unit() == null ? "" : i.unit(),
            i -> PlannedIndicator.plain(i.baseline()));
    for (var value : values) {
      List<String> parts = indicators.stream().map(value).toList();
      // a column blank for every indicator stays blank, so that a single indicator reads as one
      cell(
          row, c++, parts.stream().allMatch(String::isEmpty) ? "" : String.join("；", parts), style);
    }
    return c;
  }

  private static XSSFCellStyle lightStyle(WorkbookStyles styles, ItemSummary item) {
    if (item.light() == null) {
      return styles.text;
    }
    return switch (item.light()) {
      case RED -> styles.red;
      case YELLOW -> styles.yellow;
      case GREEN -> styles.green;
    };
  }

  static void cell(Row row, int column, String value, XSSFCellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    if (value != null && !value.isEmpty()) {
      cell.setCellValue(value);
    }
  }

  static void date(Row row, int column, LocalDate value, XSSFCellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    if (value != null) {
      cell.setCellValue(value);
    }
  }

  private static void percent(Row row, int column, Integer value, XSSFCellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    if (value != null) {
      cell.setCellValue(value / 100.0);
    }
  }

  /** A book title as part of a file name: no path or reserved characters, not too long. */
  static String safeFileName(String title) {
    String safe = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", "_").strip();
    return safe.length() > 80 ? safe.substring(0, 80) : safe;
  }
}
