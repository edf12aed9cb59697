package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.decomposition.DecompositionColumn.COLLABORATORS;
import static org.duban.decomposition.DecompositionColumn.DEADLINE;
import static org.duban.decomposition.DecompositionColumn.GOAL_AREA;
import static org.duban.decomposition.DecompositionColumn.LEAD;
import static org.duban.decomposition.DecompositionColumn.SEQ;
import static org.duban.decomposition.DecompositionColumn.TITLE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Reading the committed files under src/test/resources/decomposition (see
 * DecompositionFixtureFiles).
 */
class DecompositionReaderTest {

  static byte[] file(String name) {
    try (InputStream in =
        DecompositionReaderTest.class.getResourceAsStream("/decomposition/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theHeaderIsFoundBelowATitleRowAndBlankRowsAreSkipped() {
    DecompositionReader.Result result = DecompositionReader.read(file("clean.xlsx"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.headerRow()).isEqualTo(3);
    assertThat(result.rows()).extracting(SheetRow::rowNumber).containsExactly(4, 5, 7);
  }

  @Test
  void numbersAndFormulasReadAsTheyAreShown() {
    DecompositionReader.Result result = DecompositionReader.read(file("clean.xlsx"));

    // 序号 2 is the formula =A4+1, 序号 3 a number cell
    assertThat(result.rows()).extracting(r -> r.text(SEQ)).containsExactly("1", "2", "3");
    assertThat(result.rows().get(1).text(COLLABORATORS)).isEqualTo("测试护理部，测试信息中心");
    assertThat(result.rows().get(0).cell(DEADLINE).date()).isNull();
    assertThat(result.rows().get(0).text(DEADLINE)).isEqualTo("2026-06-30");
  }

  @Test
  void columnsAreFoundInAnyOrderAndByTheirUsualVariantsAndOtherColumnsAreIgnored() {
    DecompositionReader.Result result = DecompositionReader.read(file("reordered-columns.xlsx"));

    assertThat(result.problems()).isEmpty();
    SheetRow first = result.rows().get(0);
    assertThat(first.text(SEQ)).isEqualTo("1");
    assertThat(first.text(TITLE)).isEqualTo("开展护理质量提升行动");
    assertThat(first.text(LEAD)).isEqualTo("测试护理部"); // header 牵头科室
    assertThat(first.text(COLLABORATORS)).isEqualTo("测试医务部"); // header 责任（协同）部门
    assertThat(first.text(GOAL_AREA)).isEqualTo("医疗服务");
    assertThat(first.cells().values()).extracting(SheetRow.Cell::text).doesNotContain("年度重点");
  }

  @Test
  void realDateCellsAreDatesWhateverTheirFormat() {
    DecompositionReader.Result result = DecompositionReader.read(file("real-date-cells.xlsx"));

    // yyyy-mm-dd, the built-in m/d/yy, Chinese Excel's built-in 31 and a DATE() formula
    assertThat(result.rows())
        .extracting(r -> r.cell(DEADLINE).date())
        .containsExactly(
            LocalDate.of(2026, 6, 30),
            LocalDate.of(2026, 7, 31),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 10, 31));
  }

  @Test
  void aMergedCellInTheTableCountsForEveryRowItSpans() {
    DecompositionReader.Result result = DecompositionReader.read(file("merged-cells.xlsx"));

    // the merged title above the header is fine, and so is 目标领域 merged over rows 3 to 5 (was:
    // table.merged)
    assertThat(result.problems()).isEmpty();
    assertThat(result.rows())
        .extracting(r -> r.text(GOAL_AREA))
        .containsExactly("医疗服务", "医疗服务", "医疗服务");
  }

  @Test
  void formulaErrorsAndErrorValuesAreReportedWithTheirCell() {
    DecompositionReader.Result result = DecompositionReader.read(file("formula-error.xlsx"));

    assertThat(result.problems())
        .containsExactly(
            ImportProblem.atRow(2, "cell.formulaError", "完成时限", "H2", "#DIV/0!"),
            ImportProblem.atRow(3, "cell.formulaError", "工作任务", "C3", "#REF!"),
            ImportProblem.atRow(4, "cell.formulaError", "牵头部门", "E4", "#N/A"));
  }

  @Test
  void anOldExcelFileIsReadAndAFileThatIsNoWorkbookIsNot() {
    // was: refused as file.oldExcel
    DecompositionReader.Result old = DecompositionReader.read(file("old-format.xls"));
    assertThat(old.problems()).isEmpty();
    assertThat(old.rows())
        .extracting(r -> r.text(TITLE), r -> r.text(LEAD), r -> r.text(DEADLINE))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("缩短平均住院日", "测试医务部", "2026-06-30"));
    assertThat(DecompositionReader.read(file("not-xlsx.xlsx")).problems())
        .containsExactly(ImportProblem.ofFile("file.notXlsx"));
  }

  @Test
  void aZipThatIsNoWorkbookIsNoXlsx() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("readme.txt"));
      out.write("不是工作簿".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }

    assertThat(DecompositionReader.read(zip.toByteArray()).problems())
        .containsExactly(ImportProblem.ofFile("file.notXlsx"));
  }

  @Test
  void anEmptyFileAndAFileOverTenMegabytesAreRefusedUnread() {
    assertThat(DecompositionReader.read(new byte[0]).problems())
        .containsExactly(ImportProblem.ofFile("file.empty"));
    byte[] large = Arrays.copyOf(file("clean.xlsx"), 10 * 1024 * 1024 + 1);
    assertThat(DecompositionReader.read(large).problems())
        .containsExactly(ImportProblem.ofFile("file.tooLarge", "10.1"));
  }

  @Test
  void aSheetWithoutContentIsEmptyAndOneWithoutTheHeaderHasNoHeader() {
    assertThat(DecompositionReader.read(file("empty-sheet.xlsx")).problems())
        .extracting(ImportProblem::key)
        .containsExactly("sheet.empty");
    assertThat(DecompositionReader.read(file("no-header.xlsx")).problems())
        .extracting(ImportProblem::key)
        .containsExactly("sheet.noHeader");
  }

  @Test
  void aHeaderWithoutARequiredColumnNamesIt() {
    assertThat(DecompositionReader.read(file("header-missing-column.xlsx")).problems())
        .containsExactly(ImportProblem.atRow(1, "header.missing", "分管领导"));
  }
}
