package org.duban.decomposition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx upload as a stream (POI's event API: the package and {@link XSSFReader} for its
 * parts, SAX for their XML), so that memory holds the rows the table keeps and never the workbook.
 * A file is refused while it is read, before it can cost the server much: more than {@value
 * #MAX_PARTS} parts, a part that inflates beyond its limit or far beyond its compressed size (a zip
 * bomb), a sheet of more than {@value #MAX_SHEET_ROWS} rows (empty ones count), a cell longer than
 * Excel allows. Whatever POI or the XML parser throws becomes a refusal.
 */
final class XlsxRowSource implements SheetRowSource {

  /** A workbook has a few dozen parts (sheets, their relations, styles, pictures). */
  static final int MAX_PARTS = 500;

  /** One part inflated: a sheet of 5,000 long rows is about 10 MB of XML. */
  static final long MAX_PART_BYTES = 40L * 1024 * 1024;

  /** [Content_Types].xml and the relations, which POI reads as a whole (DOM). */
  static final long MAX_PACKAGE_PART_BYTES = 1024L * 1024;

  /** All parts inflated together. */
  static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;

  /** A part may inflate to at most 100 times its compressed size (past POI's 100 KB grace). */
  static final double MIN_INFLATE_RATIO = 0.01;

  /** Rows of one sheet, empty ones included: Excel writes a row for every formatted empty row. */
  static final int MAX_SHEET_ROWS = 100_000;

  /** Excel's own limit of a cell's text. */
  static final int MAX_CELL_CHARS = 32_767;

  /** Distinct texts of a workbook: a table of 5,000 rows of 8 columns has at most 40,000. */
  static final int MAX_SHARED_STRINGS = 200_000;

  /** Cell formats of a workbook: Excel allows 64,000. */
  static final int MAX_STYLES = 65_000;

  /** Excel's last column (XFD) and last row. */
  static final int MAX_COLUMNS = 16_384;

  static final int MAX_ROW_INDEX = 1_048_576;

  static {
    // POI's own zip guards (the package POI opens below reads through them): the same limits
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    ZipSecureFile.setMaxFileCount(MAX_PARTS);
    // used by POI's text extractors only: this reader counts the characters of each cell itself
    ZipSecureFile.setMaxTextSize(4L * 1024 * 1024);
  }

  private static final long MIB = 1024 * 1024;

  @Override
  public void read(byte[] content, Visitor visitor) throws Unreadable {
    Path file = null;
    try {
      // a file, not the bytes: POI then reads each part lazily from the zip instead of inflating
      // all
      file = Files.createTempFile("duban-import-", ".xlsx");
      Files.write(file, content);
      inspect(file);
      OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
      try {
        readWorkbook(new XSSFReader(workbook), visitor);
      } finally {
        workbook.revert();
      }
    } catch (Exception | StackOverflowError | LinkageError failed) {
      // OutOfMemoryError is not caught: the limits above keep the reading far from it
      throw new Unreadable(problemOf(failed), failed);
    } finally {
      deleteQuietly(file);
    }
  }

  /**
   * Before POI parses anything: counts the parts and inflates each one (into nothing) under its
   * limit, through POI's ratio guard; a bomb stops here after a few hundred kilobytes.
   */
  private static void inspect(Path file) throws IOException, Refused {
    try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
      List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
      if (entries.size() > MAX_PARTS) {
        throw new Refused(ImportProblem.ofFile("file.tooManyParts", String.valueOf(MAX_PARTS)));
      }
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      for (ZipArchiveEntry entry : entries) {
        String name = entry.getName();
        long limit =
            name.endsWith(".rels") || name.equals("[Content_Types].xml")
                ? MAX_PACKAGE_PART_BYTES
                : MAX_PART_BYTES;
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            size += n;
            total += n;
            if (size > limit || total > MAX_INFLATED_BYTES) {
              throw bomb();
            }
          }
        }
      }
    }
  }

  private static Refused bomb() {
    return new Refused(
        ImportProblem.ofFile(
            "file.bomb",
            String.valueOf(MAX_PART_BYTES / MIB),
            String.valueOf(MAX_INFLATED_BYTES / MIB)));
  }

  private static void readWorkbook(XSSFReader reader, Visitor visitor) throws Exception {
    WorkbookHandler workbook = parse(reader.getWorkbookData(), new WorkbookHandler());
    StylesHandler styles = parse(reader.getStylesData(), new StylesHandler());
    SharedStringsHandler strings = parse(reader.getSharedStringsData(), new SharedStringsHandler());
    for (WorkbookHandler.SheetEntry sheet : workbook.sheets) {
      if (sheet.hidden() || sheet.relationId() == null) {
        continue;
      }
      visitor.startSheet(sheet.name());
      SheetHandler handler =
          new SheetHandler(sheet.name(), visitor, strings.strings, styles, workbook.date1904);
      try {
        parse(reader.getSheet(sheet.relationId()), handler);
        handler.reportMerged();
      } catch (StopSheet stopped) {
        // the visitor has what it needs from this sheet
      }
      if (!visitor.endSheet()) {
        return;
      }
    }
  }

  /**
   * Parses a part with POI's hardened SAX parser (no DTDs, no external entities); none: the handler
   * as is.
   */
  private static <H extends DefaultHandler> H parse(InputStream part, H handler)
      throws IOException, SAXException {
    if (part == null) {
      return handler;
    }
    try (InputStream in = part) {
      XMLReader xml;
      try {
        xml = XMLHelper.newXMLReader();
      } catch (javax.xml.parsers.ParserConfigurationException e) {
        throw new IllegalStateException(e);
      }
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    }
    return handler;
  }

  /**
   * The refusal a failure stands for: a limit's own, a bomb POI found, or "no .xlsx" for anything
   * else.
   */
  private static ImportProblem problemOf(Throwable failed) {
    for (Throwable t = failed; t != null; t = next(t)) {
      if (t instanceof Refused refused) {
        return refused.problem;
      }
      String message = String.valueOf(t.getMessage());
      if (message.contains("Zip bomb detected")) {
        return bomb().problem;
      }
      if (message.contains("MAX_FILE_COUNT")) {
        return ImportProblem.ofFile("file.tooManyParts", String.valueOf(MAX_PARTS));
      }
    }
    return ImportProblem.ofFile("file.notXlsx");
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SAXException sax && sax.getException() != null && sax.getException() != t) {
      return sax.getException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        file.toFile().deleteOnExit();
      }
    }
  }

  private static String localName(String localName, String qName) {
    if (localName != null && !localName.isEmpty()) {
      return localName;
    }
    int colon = qName.indexOf(':');
    return colon < 0 ? qName : qName.substring(colon + 1);
  }

  /** A limit reached while parsing: stops the parse with the user's problem. */
  static final class Refused extends SAXException {
    private final transient ImportProblem problem;

    Refused(ImportProblem problem) {
      super(problem.key());
      this.problem = problem;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** The visitor asked to stop reading the sheet. */
  static final class StopSheet extends SAXException {
    StopSheet() {
      super("stop");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private static Refused tooComplex() {
    return new Refused(ImportProblem.ofFile("file.tooComplex", String.valueOf(MAX_CELL_CHARS)));
  }

  /** xl/workbook.xml: the sheets in order, with their visibility, and the date system. */
  private static final class WorkbookHandler extends DefaultHandler {

    record SheetEntry(String name, String relationId, boolean hidden) {}

    final List<SheetEntry> sheets = new ArrayList<>();
    boolean date1904;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      switch (localName(localName, qName)) {
        case "workbookPr" -> {
          String value = attributes.getValue("date1904");
          date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
        }
        case "sheet" -> {
          if (sheets.size() >= MAX_PARTS) {
            throw new Refused(ImportProblem.ofFile("file.tooManyParts", String.valueOf(MAX_PARTS)));
          }
          String relationId = null;
          for (int i = 0; i < attributes.getLength(); i++) {
            if ("id".equals(attributes.getLocalName(i)) && !attributes.getURI(i).isEmpty()) {
              relationId = attributes.getValue(i);
            }
          }
          String state = attributes.getValue("state");
          sheets.add(
              new SheetEntry(
                  String.valueOf(attributes.getValue("name")),
                  relationId,
                  "hidden".equals(state) || "veryHidden".equals(state)));
        }
        default -> {}
      }
    }
  }

  /** xl/styles.xml: the number format of each cell format, which tells dates from numbers. */
  static final class StylesHandler extends DefaultHandler {

    private final Map<Integer, String> customFormats = new HashMap<>();
    private int[] cellFormats = new int[16];
    private int cellFormatCount;
    private boolean inCellXfs;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      switch (localName(localName, qName)) {
        case "numFmt" -> {
          if (customFormats.size() >= MAX_STYLES) {
            throw tooComplex();
          }
          Integer id = number(attributes.getValue("numFmtId"));
          String code = attributes.getValue("formatCode");
          if (id != null && code != null) {
            customFormats.put(id, code);
          }
        }
        case "cellXfs" -> inCellXfs = true;
        case "xf" -> {
          if (inCellXfs) {
            if (cellFormatCount >= MAX_STYLES) {
              throw tooComplex();
            }
            if (cellFormatCount == cellFormats.length) {
              cellFormats = Arrays.copyOf(cellFormats, cellFormats.length * 2);
            }
            Integer id = number(attributes.getValue("numFmtId"));
            cellFormats[cellFormatCount++] = id == null ? 0 : id;
          }
        }
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if ("cellXfs".equals(localName(localName, qName))) {
        inCellXfs = false;
      }
    }

    /** The number format of a cell's style (POI: the style's data format), 0 (General) if none. */
    int format(int style) {
      return style >= 0 && style < cellFormatCount ? cellFormats[style] : 0;
    }

    /**
     * The format's code: the workbook's own, else Excel's built-in one (null for one POI does not
     * know).
     */
    String formatString(int style) {
      if (cellFormatCount == 0) {
        return "General";
      }
      int format = format(style);
      String custom = customFormats.get(format);
      return custom != null ? custom : BuiltinFormats.getBuiltinFormat(format);
    }

    private static Integer number(String text) {
      try {
        return text == null ? null : Integer.valueOf(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** xl/sharedStrings.xml: the texts cells point to, without their phonetic guides. */
  private static final class SharedStringsHandler extends DefaultHandler {

    final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inItem;
    private boolean inText;
    private int phonetic;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      switch (localName(localName, qName)) {
        case "si" -> {
          if (strings.size() >= MAX_SHARED_STRINGS) {
            throw tooComplex();
          }
          inItem = true;
          text.setLength(0);
        }
        case "rPh" -> phonetic++;
        case "t" -> inText = inItem && phonetic == 0;
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName(localName, qName)) {
        case "si" -> {
          strings.add(text.toString());
          inItem = false;
        }
        case "rPh" -> phonetic--;
        case "t" -> inText = false;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inText) {
        if (text.length() + length > MAX_CELL_CHARS) {
          throw tooComplex();
        }
        text.append(ch, start, length);
      }
    }
  }

  /** A worksheet: its rows to the visitor as they come, then its merged regions. */
  private static final class SheetHandler extends DefaultHandler {

    private final String sheetName;
    private final Visitor visitor;
    private final List<String> strings;
    private final StylesHandler styles;
    private final boolean date1904;
    private final List<CellRangeAddress> merged = new ArrayList<>();

    private int rows;
    private int rowIndex = -1;
    private List<SheetCell> cells;
    private int column;
    private String type;
    private int style;
    private boolean formula;
    private boolean inInline;
    private boolean collecting;
    private int phonetic;
    private final StringBuilder text = new StringBuilder();

    SheetHandler(
        String sheetName,
        Visitor visitor,
        List<String> strings,
        StylesHandler styles,
        boolean date1904) {
      this.sheetName = sheetName;
      this.visitor = visitor;
      this.strings = strings;
      this.styles = styles;
      this.date1904 = date1904;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      switch (localName(localName, qName)) {
        case "row" -> startRow(attributes.getValue("r"));
        case "c" -> {
          if (cells == null) {
            throw new SAXException("a cell outside a row");
          }
          String reference = attributes.getValue("r");
          column = reference == null ? column + 1 : columnOf(reference);
          if (column < 0 || column >= MAX_COLUMNS) {
            throw new SAXException("a cell beyond the last column");
          }
          type = attributes.getValue("t");
          String s = attributes.getValue("s");
          style = s == null ? 0 : Integer.parseInt(s.trim());
          formula = false;
          text.setLength(0);
        }
        case "f" -> formula = true;
        case "v" -> collecting = true;
        case "is" -> inInline = true;
        case "rPh" -> phonetic++;
        case "t" -> collecting = inInline && phonetic == 0;
        case "mergeCell" -> {
          if (merged.size() < MAX_SHEET_ROWS) {
            try {
              merged.add(CellRangeAddress.valueOf(String.valueOf(attributes.getValue("ref"))));
            } catch (RuntimeException unreadable) {
              // a region Excel would not write; it cannot hide a value the table needs
            }
          }
        }
        default -> {}
      }
    }

    private void startRow(String reference) throws SAXException {
      if (++rows > MAX_SHEET_ROWS) {
        throw new Refused(
            ImportProblem.ofFile("sheet.tooManyRows", sheetName, String.valueOf(MAX_SHEET_ROWS)));
      }
      rowIndex = reference == null ? rowIndex + 1 : Integer.parseInt(reference.trim()) - 1;
      if (rowIndex < 0 || rowIndex >= MAX_ROW_INDEX) {
        throw new SAXException("a row beyond the last row");
      }
      cells = new ArrayList<>();
      column = -1;
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      switch (localName(localName, qName)) {
        case "v", "t" -> collecting = false;
        case "is" -> inInline = false;
        case "rPh" -> phonetic--;
        case "c" -> {
          SheetCell cell = cell();
          if (cell != null) {
            cells.add(cell);
          }
        }
        case "row" -> {
          if (!visitor.row(rowIndex, List.copyOf(cells))) {
            throw new StopSheet();
          }
          cells = null;
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (collecting) {
        if (text.length() + length > MAX_CELL_CHARS) {
          throw tooComplex();
        }
        text.append(ch, start, length);
      }
    }

    void reportMerged() {
      merged.forEach(visitor::merged);
    }

    /** The cell just read as the usermodel would show it; null when it is blank. */
    private SheetCell cell() throws SAXException {
      String raw = text.toString();
      boolean literal = false;
      SheetRow.Cell value;
      switch (type == null ? "n" : type) {
        case "s" -> {
          if (raw.isBlank()) {
            return null;
          }
          int index = Integer.parseInt(raw.trim());
          if (index < 0 || index >= strings.size()) {
            throw new SAXException("a shared string that is not there");
          }
          value = SheetRow.Cell.text(CellValues.clean(strings.get(index)));
          literal = !formula;
        }
        case "inlineStr", "str" -> {
          value = SheetRow.Cell.text(CellValues.clean(raw));
          literal = !formula;
        }
        case "b" ->
            value =
                raw.isBlank()
                    ? SheetRow.Cell.BLANK
                    : SheetRow.Cell.text(
                        "1".equals(raw.trim()) || "true".equalsIgnoreCase(raw.trim())
                            ? "TRUE"
                            : "FALSE");
        case "e" ->
            value =
                raw.isBlank()
                    ? SheetRow.Cell.BLANK
                    : SheetRow.Cell.error(CellValues.errorText(raw.trim()));
        case "d" -> value = isoDate(raw.trim());
        default ->
            value =
                raw.isBlank()
                    ? SheetRow.Cell.BLANK
                    : CellValues.numeric(
                        Double.parseDouble(raw.trim()),
                        styles.format(style),
                        styles.formatString(style),
                        date1904);
      }
      return value.isBlank() ? null : new SheetCell(column, value, literal);
    }

    private static SheetRow.Cell isoDate(String raw) {
      try {
        return SheetRow.Cell.date(
            raw.length() <= 10 ? LocalDate.parse(raw) : LocalDateTime.parse(raw).toLocalDate());
      } catch (DateTimeParseException notADate) {
        return SheetRow.Cell.text(CellValues.clean(raw));
      }
    }

    /** The 0-based column of a reference like "AB12"; -1 if it names none. */
    static int columnOf(String reference) {
      int column = 0;
      int letters = 0;
      for (int i = 0; i < reference.length(); i++) {
        char c = Character.toUpperCase(reference.charAt(i));
        if (c < 'A' || c > 'Z') {
          break;
        }
        if (++letters > 3) {
          return -1;
        }
        column = column * 26 + (c - 'A' + 1);
      }
      return letters == 0 ? -1 : column - 1;
    }
  }
}
