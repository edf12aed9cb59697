package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBook;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Indicators come in from the sheet's optional columns (one row each under the item's 序号, merged
 * cells, or ；-separated cells), go out through export in the same columns, and bad values are
 * refused with their row.
 */
class IndicatorImportWebTest extends DecompositionTestSupport {

  private static final String[] HEADER = {
    "序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "完成时限", "指标名称", "比较方式", "目标值", "单位",
    "基线值"
  };

  private static byte[] sheet(String[][] rows, String... merged) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADER.length; c++) {
        header.createCell(c).setCellValue(HEADER[c]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          if (!rows[r][c].isEmpty()) {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      for (String region : merged) {
        sheet.addMergedRegion(CellRangeAddress.valueOf(region));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  /**
   * Three items: 1 with a second indicator on the row under it, 2 with two in ；-separated cells, 3
   * merged over two rows.
   */
  private static byte[] itemsWithIndicators() throws Exception {
    return sheet(
        new String[][] {
          {
            "1",
            "医疗服务",
            "缩短平均住院日",
            "",
            "测试医务部",
            "",
            "测试分管院长",
            "2026-06-30",
            "平均住院日",
            "≤",
            "6.5",
            "天",
            "7.2"
          },
          {"1", "", "", "", "", "", "", "", "术前平均住院日", "<=", "2", "天", "3"},
          {
            "2",
            "医疗服务",
            "改善门诊服务",
            "",
            "测试护理部",
            "",
            "测试分管院长",
            "2026-09-30",
            "门诊量；患者满意度",
            "持续提升；≥",
            "；95%",
            "人次；",
            "1200；90"
          },
          {
            "3",
            "医疗服务",
            "降低药占比",
            "",
            "测试医务部",
            "测试护理部",
            "测试院长",
            "2026-12-31",
            "药占比",
            "继续下降",
            "",
            "%",
            "32"
          },
          {"", "", "", "", "", "", "", "", "基本药物使用率", "＞", "50", "%", ""}
        },
        "A5:A6",
        "B5:B6",
        "C5:C6",
        "E5:E6",
        "F5:F6",
        "G5:G6",
        "H5:H6");
  }

  private static List<List<String>> indicators(List<ItemSummary> items) {
    return items.stream().map(ItemSummary::indicators).toList();
  }

  @Test
  void indicatorsImportByRowsBySeparatorsAndUnderMergedCellsAndSurviveExportAndImport()
      throws Exception {
    TaskBook book = draft("导入：指标");

    confirm(book.getId(), uploadClean(book.getId(), "indicators.xlsx", itemsWithIndicators()));

    assertThat(items(book.getId()))
        .extracting(ItemSummary::title)
        .containsExactly("缩短平均住院日", "改善门诊服务", "降低药占比");
    assertThat(indicators(items(book.getId())))
        .containsExactly(
            List.of("平均住院日 ≤ 6.5 天", "术前平均住院日 ≤ 2 天"),
            List.of("门诊量 较基线 1200 人次 提升", "患者满意度 ≥ 95 %"),
            List.of("药占比 较基线 32 % 下降", "基本药物使用率 > 50 %"));

    // the export writes the same columns, and imports into a new draft with the same indicators
    MvcResult export =
        mvc.perform(get("/books/{id}/export.xlsx", book.getId()).with(as(ISSUER))).andReturn();
    TaskBook copy = draft("导入：指标（导出再导入）");
    confirm(
        copy.getId(),
        uploadClean(copy.getId(), "export.xlsx", export.getResponse().getContentAsByteArray()));
    assertThat(indicators(items(copy.getId()))).isEqualTo(indicators(items(book.getId())));

    // and the same export into the first book again changes nothing: every item is already there
    Long again =
        uploadClean(book.getId(), "export.xlsx", export.getResponse().getContentAsByteArray());
    String preview =
        html(
            mvc.perform(get("/books/{id}/import/{u}", book.getId(), again).with(as(ISSUER)))
                .andReturn());
    assertThat(HtmlTexts.byClass(preview, "count-existing")).containsExactly("3");
  }

  @Test
  void anUnknownComparisonAndATargetThatIsNoNumberAreRefusedWithTheirRowAndNothingIsWritten()
      throws Exception {
    TaskBook book = draft("导入：指标有误");

    MvcResult result =
        upload(
            book.getId(),
            "bad.xlsx",
            sheet(
                new String[][] {
                  {
                    "1",
                    "医疗服务",
                    "降低药占比",
                    "",
                    "测试医务部",
                    "",
                    "测试分管院长",
                    "2026-06-30",
                    "药占比",
                    "约等于",
                    "三十",
                    "%",
                    ""
                  },
                  {
                    "2",
                    "医疗服务",
                    "缩短平均住院日",
                    "",
                    "测试医务部",
                    "",
                    "测试分管院长",
                    "2026-06-30",
                    "平均住院日；术前住院日",
                    "≤",
                    "6.5",
                    "天",
                    ""
                  },
                  {
                    "3",
                    "医疗服务",
                    "提高门诊量",
                    "",
                    "测试医务部",
                    "",
                    "测试分管院长",
                    "2026-06-30",
                    "门诊量",
                    "持续提升",
                    "",
                    "人次",
                    ""
                  },
                  {
                    "4",
                    "医疗服务",
                    "缩短术前住院日",
                    "",
                    "测试医务部",
                    "",
                    "测试分管院长",
                    "2026-06-30",
                    "术前待床日",
                    "≤",
                    "-2",
                    "天",
                    ""
                  },
                  {
                    "5",
                    "运营管理",
                    "提高医疗收入",
                    "",
                    "测试医务部",
                    "",
                    "测试分管院长",
                    "2026-06-30",
                    "医疗收入增长率",
                    "≥",
                    "-3",
                    "%",
                    "-5"
                  }
                }),
            ISSUER);

    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    // the page escapes < and >; the texts are compared as the browser shows them
    assertThat(problems(result).stream().map(org.springframework.web.util.HtmlUtils::htmlUnescape))
        .containsExactly(
            "第 2 行：指标“药占比”的比较方式“约等于”无法识别，请填写 ≤、≥、<、>、=、持续提升或继续下降",
            "第 2 行：指标“药占比”的目标值“三十”不是数字",
            "第 4 行：指标“门诊量”的比较方式为“持续提升”，须填写基线值",
            "第 5 行：指标“术前待床日”的目标值“-2”不能为负数；增长率、增减、结余等可能为负的指标，请在指标名称中写明");
    assertThat(HtmlTexts.byClass(html(result), "problem-kind")).containsExactly("指标填写有误：4 处");
    assertThat(items(book.getId())).isEmpty();
    assertThat(uploads.countByTaskBookId(book.getId())).isZero();
  }
}
