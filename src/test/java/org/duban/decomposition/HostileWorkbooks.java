package org.duban.decomposition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * Hostile .xlsx files, made in the test (no binaries in the repository): each a real workbook
 * package with the decomposition header, made hostile in one way. {@link #withRows} makes the same
 * package with ordinary rows, which the reader reads: the positive control that the files are
 * refused for what makes them hostile, not for being no workbook.
 */
public final class HostileWorkbooks {

  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String HEADER_ROW =
      "<row r=\"1\">"
          + cell("A1", "序号")
          + cell("B1", "目标领域")
          + cell("C1", "工作任务")
          + cell("D1", "具体目标/指标")
          + cell("E1", "牵头部门")
          + cell("F1", "协同部门")
          + cell("G1", "分管领导")
          + cell("H1", "完成时限")
          + "</row>";
  private static final String SHEET_START =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<worksheet xmlns=\""
          + MAIN
          + "\"><sheetData>"
          + HEADER_ROW;
  private static final String SHEET_END = "</sheetData></worksheet>";

  private HostileWorkbooks() {}

  /** A workbook whose one sheet has these rows (row elements' XML) under the header. */
  public static byte[] withRows(String rows) {
    return workbook(SHEET_START + rows + SHEET_END, 0);
  }

  /** The same with these merged regions ("C2:C9") after the rows, where Excel writes them. */
  public static byte[] withRowsAndMerged(String rows, java.util.List<String> regions) {
    StringBuilder merged = new StringBuilder("<mergeCells count=\"" + regions.size() + "\">");
    regions.forEach(ref -> merged.append("<mergeCell ref=\"").append(ref).append("\"/>"));
    merged.append("</mergeCells>");
    return workbook(SHEET_START + rows + "</sheetData>" + merged + "</worksheet>", 0);
  }

  /** Ordinary item rows 2.. with the given texts: seq, area, title, lead, leader, deadline. */
  public static String itemRow(
      int row, String seq, String area, String title, String lead, String leader, String deadline) {
    return "<row r=\""
        + row
        + "\">"
        + cell("A" + row, seq)
        + cell("B" + row, area)
        + cell("C" + row, title)
        + cell("E" + row, lead)
        + cell("G" + row, leader)
        + cell("H" + row, deadline)
        + "</row>";
  }

  /**
   * A zip bomb: a sheet of {@code gigabytes} GB (blanks between the header and the end, which is
   * valid XML) in a file of a few MB. The deflate stream is made of one compressed megabyte
   * repeated (each block starts with an empty dictionary), so making it takes no inflating.
   */
  public static byte[] zipBomb(int gigabytes) {
    byte[] blanks = new byte[1024 * 1024];
    Arrays.fill(blanks, (byte) ' ');
    byte[] start = SHEET_START.getBytes(StandardCharsets.UTF_8);
    byte[] end = SHEET_END.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] startBlock = deflate(deflater, start, Deflater.FULL_FLUSH);
    byte[] blankBlock = deflate(deflater, blanks, Deflater.FULL_FLUSH);
    deflater.setInput(end);
    deflater.finish();
    ByteArrayOutputStream endBlock = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    while (!deflater.finished()) {
      endBlock.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    int repeats = gigabytes * 1024;
    CRC32 crc = new CRC32();
    crc.update(start);
    for (int i = 0; i < repeats; i++) {
      crc.update(blanks);
    }
    crc.update(end);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.writeBytes(startBlock);
    for (int i = 0; i < repeats; i++) {
      raw.writeBytes(blankBlock);
    }
    raw.writeBytes(endBlock.toByteArray());
    long size = start.length + (long) repeats * blanks.length + end.length;
    return zip(
        out -> {
          ZipArchiveEntry sheet = new ZipArchiveEntry("xl/worksheets/sheet1.xml");
          sheet.setMethod(ZipMethod.DEFLATED.getCode());
          sheet.setSize(size);
          sheet.setCompressedSize(raw.size());
          sheet.setCrc(crc.getValue());
          out.addRawArchiveEntry(sheet, new ByteArrayInputStream(raw.toByteArray()));
        },
        0);
  }

  /** A sheet of a million empty rows under the header (about 20 MB of XML, 2 MB zipped). */
  public static byte[] millionEmptyRows() {
    StringBuilder rows = new StringBuilder(22 * 1_000_000);
    for (int r = 2; r <= 1_000_001; r++) {
      rows.append("<row r=\"").append(r).append("\"/>");
    }
    return withRows(rows.toString());
  }

  /**
   * A sheet that inflates to {@code megabytes} MB of text, compressing only about 1:20 (under POI's
   * ratio guard).
   */
  public static byte[] largeSheet(int megabytes) {
    StringBuilder rows = new StringBuilder(megabytes * 1024 * 1024 + 1024);
    for (int r = 2; rows.length() < megabytes * 1024 * 1024; r++) {
      rows.append("<row r=\"")
          .append(r)
          .append("\"><c r=\"X")
          .append(r)
          .append("\"><v>")
          .append((r * 7919L) % 1_000_003)
          .append("</v></c></row>");
    }
    return withRows(rows.toString());
  }

  /** An ordinary workbook with {@code parts} extra parts (tiny pictures) beside it. */
  public static byte[] manyParts(int parts) {
    return workbook(
        SHEET_START + itemRow(2, "1", "医疗服务", "事项", "测试医务部", "测试分管院长", "2030-12-31") + SHEET_END,
        parts);
  }

  private static String cell(String reference, String text) {
    return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  private static byte[] workbook(String sheetXml, int extraParts) {
    return zip(
        out -> {
          ZipArchiveEntry sheet = new ZipArchiveEntry("xl/worksheets/sheet1.xml");
          out.putArchiveEntry(sheet);
          out.write(sheetXml.getBytes(StandardCharsets.UTF_8));
          out.closeArchiveEntry();
        },
        extraParts);
  }

  private interface SheetWriter {
    void write(ZipArchiveOutputStream out) throws IOException;
  }

  private static byte[] zip(SheetWriter sheet, int extraParts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      entry(
          out,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              + "</Types>");
      entry(
          out,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
              + "</Relationships>");
      entry(
          out,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<workbook xmlns=\""
              + MAIN
              + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + "<sheets><sheet name=\"分解表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(
          out,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              + "</Relationships>");
      sheet.write(out);
      for (int i = 1; i <= extraParts; i++) {
        ZipArchiveEntry picture = new ZipArchiveEntry("xl/media/image" + i + ".png");
        out.putArchiveEntry(picture);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        out.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipArchiveOutputStream out, String name, String text)
      throws IOException {
    out.putArchiveEntry(new ZipArchiveEntry(name));
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeArchiveEntry();
  }

  private static byte[] deflate(Deflater deflater, byte[] input, int flush) {
    deflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, flush);
      out.write(buffer, 0, n);
    } while (n == buffer.length);
    return out.toByteArray();
  }
}
