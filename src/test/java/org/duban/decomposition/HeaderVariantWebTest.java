package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** An admin adds the hospital's own column headers, and import recognises them from then on. */
class HeaderVariantWebTest extends DecompositionTestSupport {

  @Autowired HeaderVariantRepository variants;

  @AfterEach
  void noAddedHeadersLeft() {
    variants.deleteAll();
  }

  private static byte[] tableWithOwnHeaders() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("分解表");
      String[] headers = {"序号", "目标领域", "工作任务", "主办科室", "分管领导", "办结时间"};
      String[] values = {"1", "医疗服务", "缩短平均住院日", "测试医务部", "测试分管院长", "2026-06-30"};
      Row header = sheet.createRow(0);
      Row row = sheet.createRow(1);
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
        row.createCell(i).setCellValue(values[i]);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  private MvcResult addHeader(String column, String header) throws Exception {
    return mvc.perform(
            post("/admin/decomposition-headers")
                .param("column", column)
                .param("header", header)
                .with(as("tadmin"))
                .with(csrf()))
        .andReturn();
  }

  @Test
  void aTableWithTheHospitalsOwnHeadersImportsOnceTheAdminAddedThem() throws Exception {
    TaskBook book = draft("导入：本院列名");
    MvcResult before = upload(book.getId(), "own.xlsx", tableWithOwnHeaders(), ISSUER);
    assertThat(before.getResponse().getStatus()).isEqualTo(422);
    assertThat(problems(before)).containsExactly("第 1 行：表头缺少必填的列：牵头部门、完成时限");

    assertThat(addHeader("LEAD", "主办科室").getResponse().getStatus()).isEqualTo(302);
    assertThat(addHeader("DEADLINE", " 办结 时间 ").getResponse().getStatus()).isEqualTo(302);
    String page =
        html(mvc.perform(get("/admin/decomposition-headers").with(as("tadmin"))).andReturn());
    assertThat(HtmlTexts.byClass(page, "header-variant"))
        .containsExactlyInAnyOrder("主办科室", "办结 时间");

    confirm(book.getId(), uploadClean(book.getId(), "own.xlsx", tableWithOwnHeaders()));
    assertThat(items(book.getId()))
        .extracting(ItemSummary::leadDepartment, ItemSummary::deadline)
        .containsExactly(tuple("测试医务部", LocalDate.of(2026, 6, 30)));
  }

  @Test
  void aHeaderDubanKnowsOrOneAddedBeforeIsRefusedAndNothingIsAdded() throws Exception {
    assertThat(addHeader("LEAD", "主办科室").getResponse().getStatus()).isEqualTo(302);

    MvcResult builtIn = addHeader("COLLABORATORS", "牵头单位");
    MvcResult twice = addHeader("COLLABORATORS", "主办 科室");

    assertThat(builtIn.getResponse().getStatus()).isEqualTo(422);
    assertThat(HtmlTexts.byClass(html(builtIn), "header-variant-error"))
        .containsExactly("“牵头单位”已是内置列名（对应“牵头部门”），无需添加");
    assertThat(HtmlTexts.byClass(html(twice), "header-variant-error"))
        .containsExactly("“主办 科室”已经添加过了");
    assertThat(variants.findAll()).extracting(HeaderVariant::getHeader).containsExactly("主办科室");
  }

  @Test
  void onlyAnAdminSeesOrChangesTheHeaders() throws Exception {
    assertThat(
            mvc.perform(get("/admin/decomposition-headers").with(as(ISSUER)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(addHeader("LEAD", "主办科室").getResponse().getStatus()).isEqualTo(302);
    assertThat(
            mvc.perform(
                    post("/admin/decomposition-headers")
                        .param("column", "LEAD")
                        .param("header", "承办科室")
                        .with(as(ISSUER))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(variants.findAll()).extracting(HeaderVariant::getHeader).containsExactly("主办科室");
  }
}
