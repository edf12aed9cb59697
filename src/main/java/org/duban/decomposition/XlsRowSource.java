package org.duban.decomposition;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RowRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads an old Excel 97-2003 (.xls) upload, as many offices and WPS still save, through POI's HSSF
 * event API: records are pushed one by one and only the rows the table keeps are held, never a
 * workbook. The limits are those of {@link XlsxRowSource} (rows of a sheet, a cell's length, the
 * workbook's texts and formats); the upload itself is at most 10 MB, which POIFS holds while the
 * records are read. An encrypted file or one POI cannot read is refused with a message.
 */
final class XlsRowSource implements SheetRowSource {

  @Override
  public void read(byte[] content, Visitor visitor) throws Unreadable {
    try (POIFSFileSystem file = new POIFSFileSystem(new ByteArrayInputStream(content))) {
      Listener listener = new Listener(visitor);
      HSSFRequest request = new HSSFRequest();
      request.addListenerForAllRecords(listener);
      new HSSFEventFactory().abortableProcessWorkbookEvents(request, file);
      if (listener.refused != null) {
        throw new Unreadable(listener.refused, null);
      }
    } catch (Unreadable unreadable) {
      throw unreadable;
    } catch (EncryptedDocumentException encrypted) {
      throw new Unreadable(ImportProblem.ofFile("file.encrypted"), encrypted);
    } catch (Exception | StackOverflowError | LinkageError failed) {
      // not a workbook (a .doc), a damaged file, an Excel 5 file: POI's exceptions become a refusal
      throw new Unreadable(ImportProblem.ofFile("file.unreadableXls"), failed);
    }
  }

  /** Stops the reading: a limit was reached or the visitor wants no further sheet. */
  private static final class Stop extends Exception {
    Stop() {
      super("stop", null, false, false);
    }
  }

  /** The records of the workbook stream: its globals, then each sheet's rows and merged regions. */
  private static final class Listener extends AbortableHSSFListener {

    private final Visitor visitor;
    private final List<BoundSheetRecord> boundSheets = new ArrayList<>();
    private BoundSheetRecord[] sheetsInOrder;
    private final List<Integer> formats = new ArrayList<>();
    private final java.util.Map<Integer, String> customFormats = new java.util.HashMap<>();
    private SSTRecord strings;
    private boolean date1904;

    /** Nesting of BOF..EOF (a chart inside a sheet has its own); 1 inside a sheet of the stream. */
    private int depth;

    private int substream = -1;
    private boolean inSheet;
    private boolean skipSheet;
    private int sheetRows;
    private String sheetName;
    private int rowIndex = -1;
    private List<SheetCell> cells = new ArrayList<>();
    private final List<CellRangeAddress> merged = new ArrayList<>();

    /** A formula whose text result follows in a STRING record. */
    private FormulaRecord pendingFormula;

    ImportProblem refused;

    Listener(Visitor visitor) {
      this.visitor = visitor;
    }

    @Override
    public short abortableProcessRecord(Record record) {
      try {
        process(record);
        return 0;
      } catch (Stop stop) {
        return 1; // POI stops reading
      }
    }

    private void process(Record record) throws Stop {
      if (record instanceof BOFRecord bof) {
        depth++;
        if (depth == 1 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
          startSubstream(bof);
        }
        return;
      }
      if (record instanceof EOFRecord) {
        if (depth == 1 && inSheet) {
          endSheet();
        }
        depth--;
        return;
      }
      if (depth <= 1 && !inSheet) {
        globals(record);
      } else if (inSheet && depth == 1 && !skipSheet) {
        sheet(record);
      }
    }

    private void globals(Record record) throws Stop {
      if (record instanceof BoundSheetRecord sheet) {
        if (boundSheets.size() >= XlsxRowSource.MAX_PARTS) {
          refuse(
              ImportProblem.ofFile("file.tooManyParts", String.valueOf(XlsxRowSource.MAX_PARTS)));
        }
        boundSheets.add(sheet);
      } else if (record instanceof SSTRecord sst) {
        if (sst.getNumUniqueStrings() > XlsxRowSource.MAX_SHARED_STRINGS) {
          refuse(tooComplex());
        }
        strings = sst;
      } else if (record instanceof FormatRecord format) {
        if (customFormats.size() >= XlsxRowSource.MAX_STYLES) {
          refuse(tooComplex());
        }
        customFormats.put(format.getIndexCode(), format.getFormatString());
      } else if (record instanceof ExtendedFormatRecord xf) {
        if (formats.size() >= XlsxRowSource.MAX_STYLES) {
          refuse(tooComplex());
        }
        formats.add((int) xf.getFormatIndex());
      } else if (record instanceof DateWindow1904Record window) {
        date1904 = window.getWindowing() == 1;
      }
    }

    private void startSubstream(BOFRecord bof) {
      if (sheetsInOrder == null) {
        sheetsInOrder = BoundSheetRecord.orderByBofPosition(boundSheets);
      }
      substream++;
      BoundSheetRecord bound = substream < sheetsInOrder.length ? sheetsInOrder[substream] : null;
      boolean visibleSheet =
          bof.getType() == BOFRecord.TYPE_WORKSHEET
              && bound != null
              && !bound.isHidden()
              && !bound.isVeryHidden();
      if (!visibleSheet) {
        return;
      }
      inSheet = true;
      skipSheet = false;
      sheetRows = 0;
      sheetName = bound.getSheetname();
      rowIndex = -1;
      cells = new ArrayList<>();
      merged.clear();
      pendingFormula = null;
      visitor.startSheet(sheetName);
    }

    private void sheet(Record record) throws Stop {
      if (record instanceof RowRecord) {
        if (++sheetRows > XlsxRowSource.MAX_SHEET_ROWS) {
          refuse(
              ImportProblem.ofFile(
                  "sheet.tooManyRows", sheetName, String.valueOf(XlsxRowSource.MAX_SHEET_ROWS)));
        }
        return;
      }
      if (record instanceof MergeCellsRecord regions) {
        for (int i = 0;
            i < regions.getNumAreas() && merged.size() < XlsxRowSource.MAX_SHEET_ROWS;
            i++) {
          merged.add(regions.getAreaAt(i));
        }
        return;
      }
      if (record instanceof StringRecord text && pendingFormula != null) {
        FormulaRecord formula = pendingFormula;
        pendingFormula = null;
        add(formula, SheetRow.Cell.text(CellValues.clean(checked(text.getString()))), false);
        return;
      }
      if (record instanceof CellValueRecordInterface cell) {
        cell(cell);
      }
    }

    private void cell(CellValueRecordInterface cell) throws Stop {
      if (cell instanceof LabelSSTRecord label) {
        if (strings == null
            || label.getSSTIndex() < 0
            || label.getSSTIndex() >= strings.getNumUniqueStrings()) {
          throw new IllegalStateException("a shared string that is not there");
        }
        add(
            cell,
            SheetRow.Cell.text(
                CellValues.clean(checked(strings.getString(label.getSSTIndex()).getString()))),
            true);
      } else if (cell instanceof LabelRecord label) {
        add(cell, SheetRow.Cell.text(CellValues.clean(checked(label.getValue()))), true);
      } else if (cell instanceof NumberRecord number) {
        add(cell, numeric(number.getValue(), number.getXFIndex()), false);
      } else if (cell instanceof BoolErrRecord boolErr) {
        add(
            cell,
            boolErr.isBoolean()
                ? SheetRow.Cell.text(boolErr.getBooleanValue() ? "TRUE" : "FALSE")
                : SheetRow.Cell.error(errorText(boolErr.getErrorValue())),
            false);
      } else if (cell instanceof FormulaRecord formula) {
        CellType type = formula.getCachedResultTypeEnum();
        if (type == CellType.STRING) {
          // the text follows in a STRING record, or there is none for an empty result
          pendingFormula = formula.hasCachedResultString() ? formula : null;
          return;
        }
        switch (type) {
          case NUMERIC -> add(cell, numeric(formula.getValue(), formula.getXFIndex()), false);
          case BOOLEAN ->
              add(
                  cell,
                  SheetRow.Cell.text(formula.getCachedBooleanValue() ? "TRUE" : "FALSE"),
                  false);
          case ERROR ->
              add(cell, SheetRow.Cell.error(errorText(formula.getCachedErrorValue())), false);
          default -> {}
        }
      }
    }

    private SheetRow.Cell numeric(double value, short xf) {
      int format = xf >= 0 && xf < formats.size() ? formats.get(xf) : 0;
      String custom = customFormats.get(format);
      return CellValues.numeric(
          value,
          format,
          custom != null ? custom : BuiltinFormats.getBuiltinFormat(format),
          date1904);
    }

    private static String errorText(int code) {
      try {
        return FormulaError.forInt(code).getString();
      } catch (IllegalArgumentException unknown) {
        return "#ERROR";
      }
    }

    private String checked(String text) throws Stop {
      if (text != null && text.length() > XlsxRowSource.MAX_CELL_CHARS) {
        refuse(tooComplex());
      }
      return text;
    }

    /** Cells come row by row: a cell of a new row sends the row before to the visitor. */
    private void add(CellValueRecordInterface record, SheetRow.Cell value, boolean literal)
        throws Stop {
      int row = record.getRow();
      if (row < 0 || row >= XlsxRowSource.MAX_ROW_INDEX) {
        throw new IllegalStateException("a row beyond the last row");
      }
      if (row != rowIndex) {
        flushRow();
        if (skipSheet) {
          return;
        }
        rowIndex = row;
      }
      if (!value.isBlank()) {
        cells.add(new SheetCell(record.getColumn(), value, literal));
      }
    }

    private void flushRow() {
      if (rowIndex >= 0 && !skipSheet) {
        cells.sort(java.util.Comparator.comparingInt(SheetCell::column));
        if (!visitor.row(rowIndex, List.copyOf(cells))) {
          skipSheet = true;
        }
      }
      cells = new ArrayList<>();
    }

    private void endSheet() throws Stop {
      boolean readToEnd = !skipSheet;
      flushRow();
      if (readToEnd && !skipSheet) {
        merged.forEach(visitor::merged);
      }
      inSheet = false;
      if (!visitor.endSheet()) {
        throw new Stop();
      }
    }

    private void refuse(ImportProblem problem) throws Stop {
      refused = problem;
      throw new Stop();
    }

    private static ImportProblem tooComplex() {
      return ImportProblem.ofFile("file.tooComplex", String.valueOf(XlsxRowSource.MAX_CELL_CHARS));
    }
  }
}
