package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The column headers an admin adds, and the sheet with its problems, are not for everyone: a
 * non-admin cannot add a header, and only a draft's issuer gets the problem sheet of a file or an
 * upload of that draft. Nothing changes in the database.
 */
@Attack(AttackCategory.REST_RIGHTS)
class ImportSheetAttackTest extends AttackTestSupport {

  @Autowired AttackScenes scenes;

  private static byte[] table() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Row header = wb.createSheet("分解表").createRow(0);
      String[] headers = {"序号", "目标领域", "工作任务", "牵头部门", "分管领导", "完成时限"};
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aNonAdminAddsNoColumnHeader() throws Exception {
    DatabaseState before = databaseState();
    for (String who : new String[] {"tleader", "tmedhead", "tducha"}) {
      int status =
          mvc.perform(
                  post("/admin/decomposition-headers")
                      .param("column", "LEAD")
                      .param("header", "主办科室")
                      .with(as(who))
                      .with(csrf()))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as(who).isEqualTo(403);
    }
    assertNothingChangedSince(before);
  }

  @Test
  void onlyTheIssuerGetsTheProblemSheetOfADraft() throws Exception {
    AttackScenes.Draft draft = scenes.draft("问题列越权");
    DatabaseState before = databaseState();

    int other =
        mvc.perform(
                multipart("/books/{id}/import/problems.xlsx", draft.bookId())
                    .file(
                        new MockMultipartFile(
                            "file", "表.xlsx", "application/octet-stream", table()))
                    .with(as("tmedhead"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    int foreignUpload =
        mvc.perform(
                get("/books/{id}/import/{u}/problems.xlsx", draft.bookId(), 987654321L)
                    .with(as("tleader")))
            .andReturn()
            .getResponse()
            .getStatus();
    int withoutCsrf =
        mvc.perform(
                multipart("/books/{id}/import/problems.xlsx", draft.bookId())
                    .file(
                        new MockMultipartFile(
                            "file", "表.xlsx", "application/octet-stream", table()))
                    .with(as("tleader")))
            .andReturn()
            .getResponse()
            .getStatus();

    assertThat(other).isEqualTo(403);
    assertThat(foreignUpload).isEqualTo(404);
    assertThat(withoutCsrf).isEqualTo(403);
    assertNothingChangedSince(before);
  }
}
