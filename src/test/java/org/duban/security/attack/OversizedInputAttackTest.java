package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.checkin.CheckInRounds;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Texts longer than their fields and files larger than allowed are refused with a Chinese message
 * beside the field and nothing is written; texts exactly as long as a form allows are kept whole
 * (the form's limit and the database column agree, also where the text is copied into the
 * timeline).
 */
@Attack(AttackCategory.OVERSIZED)
class OversizedInputAttackTest extends AttackTestSupport {

  @Autowired AttackScenes scenes;
  @Autowired WorkTasks workTasks;
  @Autowired CheckInRounds checkInRounds;

  private static String chars(int n) {
    return "长".repeat(n);
  }

  @Test
  void aBookTitleOverTwoHundredCharactersIsRefused() throws Exception {
    LocalDate today = EngineClock.today();
    DatabaseState before = databaseState();
    String page =
        refusedPage(
            post("/books")
                .with(as("tleader"))
                .with(csrf())
                .param("title", chars(201))
                .param("year", "" + today.getYear())
                .param("periodStart", today.toString())
                .param("periodEnd", today.plusDays(100).toString())
                .param("goalAreas", "医疗服务"));
    assertThat(page).contains("最多 200 个字");
    assertNothingChangedSince(before);
    // positive control: 200 characters are a book
    mvc.perform(
            post("/books")
                .with(as("tleader"))
                .with(csrf())
                .param("title", chars(199) + "满")
                .param("year", "" + today.getYear())
                .param("periodStart", today.toString())
                .param("periodEnd", today.plusDays(100).toString())
                .param("goalAreas", "医疗服务"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from task_book where title = ?", Long.class, chars(199) + "满"))
        .isOne();
  }

  @Test
  void anItemTitleOverFiveHundredCharactersIsRefused() throws Exception {
    AttackScenes.Draft draft = scenes.draft("超长事项标题");
    DatabaseState before = databaseState();
    String page =
        refusedPage(
            post("/books/{id}/items", draft.bookId())
                .with(as("tleader"))
                .with(csrf())
                .param(
                    "goalAreaId",
                    ""
                        + jdbc.queryForObject(
                            "select min(id) from goal_area where task_book_id = ?",
                            Long.class,
                            draft.bookId()))
                .param("seq", "2")
                .param("title", chars(501))
                .param("leadDepartmentId", "" + hospital.department("tmedical").getId())
                .param("leaderInChargeId", "" + hospital.personId("tincharge"))
                .param("deadline", EngineClock.today().plusDays(100).toString()));
    assertThat(page).contains("最多 500 个字");
    assertNothingChangedSince(before);
    // positive control: 500 characters are an item
    mvc.perform(
            post("/books/{id}/items", draft.bookId())
                .with(as("tleader"))
                .with(csrf())
                .param(
                    "goalAreaId",
                    ""
                        + jdbc.queryForObject(
                            "select min(id) from goal_area where task_book_id = ?",
                            Long.class,
                            draft.bookId()))
                .param("seq", "2")
                .param("title", chars(500))
                .param("leadDepartmentId", "" + hospital.department("tmedical").getId())
                .param("leaderInChargeId", "" + hospital.personId("tincharge"))
                .param("deadline", EngineClock.today().plusDays(100).toString()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from work_item where task_book_id = ? and title = ?",
                Long.class,
                draft.bookId(),
                chars(500)))
        .isOne();
  }

  @Test
  void aGoalAreaNameLongerThanItsColumnIsRefusedWithAMessage() throws Exception {
    AttackScenes.Draft draft = scenes.draft("超长目标领域");
    DatabaseState before = databaseState();
    mvc.perform(
            post("/books/{id}/areas", draft.bookId())
                .with(as("tleader"))
                .with(csrf())
                .param("name", chars(101)))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("warning", "goalArea.tooLong"));
    assertNothingChangedSince(before);
  }

  @Test
  void aCheckInNarrativeOverTwoThousandCharactersIsRefusedBesideTheField() throws Exception {
    IssuedItem item = fixture.issuedItem("超长月度进展");
    checkInRounds.openNow("tducha");
    String taskId = fixture.openCheckInTask(item).getId();
    DatabaseState before = databaseState();
    String page =
        refusedPage(
            post("/tasks/{id}", taskId)
                .with(as("tmedhead"))
                .with(csrf())
                .param("percentDone", "10")
                .param("readings[0].value", "6.9")
                .param("narrative", chars(2001))
                .param("obstacles", "无"));
    assertThat(page).contains("最多 2000 个字");
    assertNothingChangedSince(before);
    assertThat(currentTask(taskId)).isNotNull();
  }

  @Test
  void aChangeRequestReasonOverAThousandCharactersIsRefused() throws Exception {
    IssuedItem item = fixture.issuedItem("超长变更理由");
    DatabaseState before = databaseState();
    String page =
        refusedPage(
            post("/items/{id}/change", item.itemId())
                .with(as("tleader"))
                .with(csrf())
                .param("title", "变更后的标题")
                .param("leadDepartmentId", "" + hospital.department("tmedical").getId())
                .param("leaderInChargeId", "" + hospital.personId("tincharge"))
                .param("deadline", EngineClock.today().plusDays(100).toString())
                .param("reason", chars(1001)));
    assertThat(page).contains("最多 1000 个字");
    assertNothingChangedSince(before);
  }

  @Test
  void aPersonsNameOverSixtyCharactersIsRefused() throws Exception {
    DatabaseState before = databaseState();
    String page =
        refusedPage(
            post("/admin/people")
                .with(as("tadmin"))
                .with(csrf())
                .param("username", "longname")
                .param("fullName", chars(61))
                .param("departmentId", "" + hospital.department("tmedical").getId())
                .param("roles", "STAFF")
                .param("password", "Long-Name-12345"));
    assertThat(page).contains("60");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from person where username = 'longname'", Long.class))
        .isZero();
    assertNothingChangedSince(before);
  }

  @Test
  void anUrgeOverFiveHundredCharactersIsRefused() throws Exception {
    IssuedItem item = fixture.issuedItem("超长催办");
    DatabaseState before = databaseState();
    mvc.perform(
            post("/items/{id}/urge", item.itemId())
                .with(as("tleader"))
                .with(csrf())
                .param("message", chars(501)))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("urgeWarning", "urge.message.tooLong"));
    assertNothingChangedSince(before);
  }

  @Test
  void anEvidenceFileOverTenMegabytesIsRefused() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("超大佐证");
    DatabaseState before = databaseState();
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", noticed.rectification().getId())
                .file(
                    new MockMultipartFile(
                        "file", "大文件.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("warning", "rectification.file.tooLarge"));
    assertNothingChangedSince(before);
  }

  @Test
  void aTwentyFirstEvidenceFileIsRefused() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("佐证过多");
    for (int i = 0; i < 20; i++) {
      scenes.evidenceFile(noticed);
    }
    DatabaseState before = databaseState();
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", noticed.rectification().getId())
                .file(
                    new MockMultipartFile(
                        "file", "第21份.pdf", "application/pdf", "%PDF-1.4".getBytes()))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("warning", "rectification.file.tooMany"));
    assertNothingChangedSince(before);
  }

  @Test
  void anEvidenceFileNameLongerThanItsColumnIsRefusedWithAMessage() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("超长文件名");
    DatabaseState before = databaseState();
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", noticed.rectification().getId())
                .file(
                    new MockMultipartFile(
                        "file", chars(300) + ".pdf", "application/pdf", "%PDF-1.4".getBytes()))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("warning", "rectification.file.nameTooLong"));
    assertNothingChangedSince(before);
  }

  @Test
  void aForgedHugeContentTypeOfAnEvidenceFileDoesNotBreakTheUpload() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("伪造文件类型");
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", noticed.rectification().getId())
                .file(
                    new MockMultipartFile(
                        "file", "方案.pdf", "application/" + "x".repeat(300), "%PDF-1.4".getBytes()))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "rectification.file.added"));
    assertThat(
            jdbc.queryForObject(
                "select content_type from rectification_attachment where rectification_id = ?",
                String.class,
                noticed.rectification().getId()))
        .hasSizeLessThanOrEqualTo(100);
  }

  @Test
  void aNoticeRequirementAsLongAsTheFormAllowsIsKeptWhole() throws Exception {
    IssuedItem item = fixture.issuedItem("满长督办要求");
    org.duban.ladder.EscalationLadder ladder = ladder();
    ladder.open(item.itemId());
    String taskId = fixture.openTask(item, "triageEscalation").getId();
    mvc.perform(
            post("/tasks/{id}", taskId)
                .with(as("tducha"))
                .with(csrf())
                .param("triageDecision", "notice")
                .param("noticeRequirement", chars(2000))
                .param(
                    "noticeDeadline", calendar().addWorkingDays(EngineClock.today(), 5).toString()))
        .andExpect(status().is3xxRedirection());
    assertThat(currentTask(taskId)).isNull();
    assertThat(
            jdbc.queryForObject(
                "select requirement from supervision_notice where work_item_id = ?",
                String.class,
                item.itemId()))
        .hasSize(2000);
  }

  @Test
  void evidenceAsLongAsTheFormAllowsIsKeptWhole() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("满长整改佐证");
    IssuedItem item = noticed.item();
    workTasks.complete(
        fixture.openTask(item, "submitRectificationPlan").getId(),
        Map.of(
            "obstacle",
            "障碍",
            "responsibility",
            "医务部",
            "measures",
            "措施",
            "rectificationDeadline",
            calendar().addWorkingDays(EngineClock.today(), 10)),
        hospital.user("tmedhead"));
    workTasks.complete(
        fixture.openTask(item, "reviewRectificationPlan").getId(),
        Map.of("planDecision", "accept"),
        hospital.user("tducha"));
    String taskId = fixture.openTask(item, "submitRectificationEvidence").getId();
    mvc.perform(
            post("/tasks/{id}", taskId)
                .with(as("tmedhead"))
                .with(csrf())
                .param("evidence", chars(4000)))
        .andExpect(status().is3xxRedirection());
    assertThat(currentTask(taskId)).isNull();
    assertThat(
            jdbc.queryForObject(
                "select evidence from rectification where id = ?",
                String.class,
                noticed.rectification().getId()))
        .hasSize(4000);
  }

  @Test
  void aSubTaskReportAndACompletionSummaryAsLongAsTheFormsAllowAreKeptWhole() throws Exception {
    IssuedItem item = scenes.brokenDown("满长子任务" + chars(150));
    String subTask = fixture.openTask(item, "doSubTask").getId();
    mvc.perform(
            post("/tasks/{id}", subTask)
                .with(as("tmedstaff"))
                .with(csrf())
                .param("report", chars(2000)))
        .andExpect(status().is3xxRedirection());
    assertThat(currentTask(subTask)).isNull();
    String completion = fixture.openTask(item, "submitCompletionReport").getId();
    mvc.perform(
            post("/tasks/{id}", completion)
                .with(as("tmedhead"))
                .with(csrf())
                .param("completionSummary", chars(4000)))
        .andExpect(status().is3xxRedirection());
    assertThat(currentTask(completion)).isNull();
    assertThat(
            jdbc.queryForObject(
                "select max(length(detail)) from item_event where work_item_id = ?",
                Integer.class,
                item.itemId()))
        .isEqualTo(4000);
  }

  @Test
  void anExcelTableOfMoreThanFiveThousandRowsIsRefusedWholeWithAMessage() throws Exception {
    AttackScenes.Draft draft = scenes.draft("超多行分解表");
    byte[] xlsx;
    try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook =
            new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("分解表");
      String[] header = {"序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "完成时限"};
      org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        head.createCell(i).setCellValue(header[i]);
      }
      String deadline = EngineClock.today().plusDays(100).toString();
      for (int r = 1; r <= 5001; r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
        String[] values = {"" + (r + 1), "医疗服务", "事项" + r, "目标", "测试医务部", "", "测试分管院长", deadline};
        for (int i = 0; i < values.length; i++) {
          row.createCell(i).setCellValue(values[i]);
        }
      }
      workbook.write(out);
      workbook.dispose();
      xlsx = out.toByteArray();
    }
    DatabaseState before = databaseState();
    org.springframework.mock.web.MockHttpServletResponse response =
        mvc.perform(
                multipart("/books/{id}/import", draft.bookId())
                    .file(
                        new MockMultipartFile("file", "超多行.xlsx", "application/octet-stream", xlsx))
                    .with(as("tleader"))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("分解表最多 5000 行事项");
    assertNothingChangedSince(before);
  }

  @Autowired org.springframework.context.ApplicationContext context;

  /**
   * The form drawn again with the field's message: a page, not a redirect to the saved record or an
   * error.
   */
  private String refusedPage(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    org.springframework.mock.web.MockHttpServletResponse response =
        mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as("status of the refused form").isEqualTo(200);
    return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private org.duban.ladder.EscalationLadder ladder() {
    return context.getBean(org.duban.ladder.EscalationLadder.class);
  }

  private org.duban.calendar.WorkCalendar calendar() {
    return context.getBean(org.duban.calendar.WorkCalendar.class);
  }
}
