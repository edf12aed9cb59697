package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader refuses hostile workbooks while it reads them, each with its own message,
 * and reads the same kind of package when it is an ordinary table (the positive control).
 */
class HostileWorkbookReaderTest {

  private static final String ROWS =
      HostileWorkbooks.itemRow(2, "1", "医疗服务", "缩短平均住院日", "医务部", "王院长", "2030-06-30")
          + HostileWorkbooks.itemRow(3, "2", "医疗服务", "降低药占比", "药学部", "王院长", "2030-07-31");

  @Test
  void theGeneratedPackageIsReadWhenItsRowsAreOrdinary() {
    DecompositionReader.Result result = DecompositionReader.read(HostileWorkbooks.withRows(ROWS));
    assertThat(result.problems()).isEmpty();
    assertThat(result.headerRow()).isEqualTo(1);
    assertThat(result.rows())
        .extracting(row -> row.text(DecompositionColumn.TITLE))
        .containsExactly("缩短平均住院日", "降低药占比");
    assertThat(
            DecompositionReader.read(HostileWorkbooks.manyParts(XlsxRowSource.MAX_PARTS - 10))
                .problems())
        .isEmpty();
  }

  @Test
  void aZipBombOfGigabytesIsRefusedAsABomb() {
    byte[] bomb = HostileWorkbooks.zipBomb(2);
    assertThat(bomb.length).isLessThan(10 * 1024 * 1024);
    assertThat(DecompositionReader.read(bomb).problems())
        .extracting(ImportProblem::key)
        .containsExactly("file.bomb");
  }

  @Test
  void aSheetInflatingPastItsLimitUnderTheRatioGuardIsRefusedAsABomb() {
    byte[] large = HostileWorkbooks.largeSheet(45);
    assertThat(large.length).isLessThan(10 * 1024 * 1024);
    assertThat(DecompositionReader.read(large).problems())
        .extracting(ImportProblem::key)
        .containsExactly("file.bomb");
  }

  @Test
  void aSheetOfAMillionEmptyRowsIsRefusedWhileItIsRead() {
    byte[] rows = HostileWorkbooks.millionEmptyRows();
    assertThat(rows.length).isLessThan(10 * 1024 * 1024);
    assertThat(DecompositionReader.read(rows).problems())
        .containsExactly(
            ImportProblem.ofFile(
                "sheet.tooManyRows", "分解表", String.valueOf(XlsxRowSource.MAX_SHEET_ROWS)));
  }

  @Test
  void aFileOfAThousandPartsIsRefused() {
    assertThat(DecompositionReader.read(HostileWorkbooks.manyParts(1000)).problems())
        .containsExactly(
            ImportProblem.ofFile("file.tooManyParts", String.valueOf(XlsxRowSource.MAX_PARTS)));
  }

  @Test
  void theFiveThousandAndFirstItemRowStopsTheReading() {
    StringBuilder rows = new StringBuilder();
    for (int r = 2; r <= DecompositionReader.MAX_ROWS + 2; r++) {
      rows.append(
          HostileWorkbooks.itemRow(r, "" + r, "医疗服务", "事项" + r, "医务部", "王院长", "2030-06-30"));
    }
    // rows after the 5,001st are never looked at: here they are not even XML
    rows.append("<row r=\"9000\"><c r=\"A9000\" t=\"s\"><v>not a number</v></c></row>");
    assertThat(DecompositionReader.read(HostileWorkbooks.withRows(rows.toString())).problems())
        .containsExactly(
            ImportProblem.ofFile(
                "table.tooManyRows", String.valueOf(DecompositionReader.MAX_ROWS)));
  }

  @Test
  void aHundredThousandMergedRegionsOverAMillionRowsAreRefused() {
    StringBuilder rows = new StringBuilder(ROWS);
    for (int r = 4; r < 5000; r++) {
      rows.append("<row r=\"").append(r).append("\"/>");
    }
    DecompositionReader.Result result =
        DecompositionReader.read(
            HostileWorkbooks.withRowsAndMerged(rows.toString(), overlappingRegions(100_000)));
    assertThat(result.problems())
        .containsExactly(
            ImportProblem.ofFile(
                "table.tooManyMerged", String.valueOf(DecompositionReader.MAX_MERGED)));
    assertThat(result.rows()).isEmpty();
  }

  @Test
  void asManyOverlappingMergedRegionsAsAllowedFillEachCellOnce() {
    StringBuilder rows = new StringBuilder(ROWS);
    for (int r = 4; r < 5000; r++) {
      rows.append("<row r=\"").append(r).append("\"/>");
    }
    DecompositionReader.Result result =
        DecompositionReader.read(
            HostileWorkbooks.withRowsAndMerged(
                rows.toString(), overlappingRegions(DecompositionReader.MAX_MERGED)));
    // Excel never writes overlapping regions: the first of a column is taken, the others add
    // nothing
    assertThat(result.problems()).isEmpty();
    // the blank rows under the first region become rows of the table, with its title
    assertThat(result.rows()).hasSize(4998);
    assertThat(result.rows().get(4997).text(DecompositionColumn.TITLE)).isEqualTo("缩短平均住院日");
  }

  private static List<String> overlappingRegions(int count) {
    List<String> regions = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      // end rows that vary, so that the list does not compress like a bomb
      regions.add("C" + (2 + i % 3) + ":C" + (1_048_576 - (i * 7919L) % 1_000_000));
    }
    return regions;
  }

  @Test
  void aCellLongerThanExcelAllowsIsRefused() {
    String row =
        "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>"
            + "长".repeat(XlsxRowSource.MAX_CELL_CHARS + 1)
            + "</t></is></c></row>";
    assertThat(DecompositionReader.read(HostileWorkbooks.withRows(row)).problems())
        .extracting(ImportProblem::key)
        .containsExactly("file.tooComplex");
  }

  @Test
  void brokenXmlIsNoWorkbook() {
    for (String rows :
        List.of(
            "<row r=\"2\"><c r=\"A2\">",
            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>",
            "<row r=\"x\"/>")) {
      assertThat(DecompositionReader.read(HostileWorkbooks.withRows(rows)).problems())
          .as(rows)
          .containsExactly(ImportProblem.ofFile("file.notXlsx"));
    }
  }
}
