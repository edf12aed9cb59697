package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.calendar.WorkCalendar;
import org.duban.checkin.CheckInRounds;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Script typed into a text field, stored through the page that takes it, comes back as text on the
 * page that shows it: escaped, never a live tag or attribute.
 */
@Attack(AttackCategory.SCRIPT_IN_TEXT)
class ScriptInTextAttackTest extends AttackTestSupport {

  /** All three payloads in one text, so each page is checked against each. */
  static final String PAYLOAD = SCRIPT + IMG + SVG;

  @Autowired AttackScenes scenes;
  @Autowired WorkTasks workTasks;
  @Autowired CheckInRounds checkInRounds;
  @Autowired WorkCalendar calendar;

  /** The page has the payload's text, escaped, and none of its tags. */
  static void assertEscaped(String page) {
    assertThat(page)
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .doesNotContain("<svg onload")
        .doesNotContain("onerror=alert(1)>");
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&lt;svg onload=alert(1)&gt;");
  }

  private String pageAs(String user, String path, Object... vars) throws Exception {
    MvcResult result =
        mvc.perform(get(path, vars).with(as(user))).andExpect(status().isOk()).andReturn();
    return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aBookTitleOnTheBookPageAndTheList() throws Exception {
    LocalDate today = EngineClock.today();
    MvcResult created =
        mvc.perform(
                post("/books")
                    .with(as("tleader"))
                    .with(csrf())
                    .param("title", "任务书" + PAYLOAD)
                    .param("year", "" + today.getYear())
                    .param("periodStart", today.toString())
                    .param("periodEnd", today.plusDays(100).toString())
                    .param("goalAreas", "医疗服务"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String location = created.getResponse().getRedirectedUrl();
    Long bookId = Long.valueOf(location.replaceAll("\\D+", " ").trim().split(" ")[0]);
    assertEscaped(pageAs("tleader", "/books/{id}", bookId));
    assertEscaped(pageAs("tleader", "/books"));
  }

  @Test
  void aGoalAreaAndAnItemsTextsInTheEditor() throws Exception {
    AttackScenes.Draft draft = scenes.draft("编辑器脚本");
    mvc.perform(
            post("/books/{id}/areas", draft.bookId())
                .with(as("tleader"))
                .with(csrf())
                .param("name", "领域" + SCRIPT))
        .andExpect(status().is3xxRedirection());
    Long area =
        jdbc.queryForObject(
            "select min(id) from goal_area where task_book_id = ?", Long.class, draft.bookId());
    mvc.perform(
            post("/books/{id}/items", draft.bookId())
                .with(as("tleader"))
                .with(csrf())
                .param("goalAreaId", "" + area)
                .param("seq", "2")
                .param("title", "事项" + PAYLOAD)
                .param("targetText", "目标" + PAYLOAD)
                .param("leadDepartmentId", "" + hospital.department("tmedical").getId())
                .param("leaderInChargeId", "" + hospital.personId("tincharge"))
                .param("deadline", EngineClock.today().plusDays(100).toString()))
        .andExpect(status().is3xxRedirection());
    String editor = pageAs("tleader", "/books/{id}/edit", draft.bookId());
    assertEscaped(editor);
    assertThat(editor).contains("领域&lt;script&gt;");
  }

  @Test
  void aCheckInsProgressAndObstaclesOnTheItemPageAndTheBoard() throws Exception {
    IssuedItem item = fixture.issuedItem("月度进展脚本");
    checkInRounds.openNow("tducha");
    mvc.perform(
            post("/tasks/{id}", fixture.openCheckInTask(item).getId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("percentDone", "10")
                .param("readings[0].value", "6.9")
                .param("narrative", "进展" + PAYLOAD)
                .param("obstacles", "问题" + PAYLOAD))
        .andExpect(status().is3xxRedirection());
    assertEscaped(pageAs("tmedhead", "/items/{id}", item.itemId()));
    // the board lists the item with its latest obstacles
    MockHttpServletResponse board =
        mvc.perform(
                get("/board/items")
                    .param("show", "ALL")
                    .param("year", "")
                    .param("book", "" + item.bookId())
                    .with(as("tducha")))
            .andReturn()
            .getResponse();
    assertThat(board.getStatus()).isEqualTo(200);
    String html = board.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(html).contains("月度进展脚本");
    assertEscaped(html);
  }

  @Test
  void aDisputeReasonOnTheIssuersTaskAndTheTimeline() throws Exception {
    IssuedItem item = fixture.issuedItem("异议脚本");
    mvc.perform(
            post("/tasks/{id}", fixture.openTask(item, "claimItem").getId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("claimDecision", "dispute")
                .param("disputeReason", "异议" + PAYLOAD))
        .andExpect(status().is3xxRedirection());
    assertEscaped(pageAs("tleader", "/items/{id}", item.itemId()));
    assertEscaped(
        pageAs("tleader", "/tasks/{id}", fixture.openTask(item, "resolveDispute").getId()));
  }

  @Test
  void aSubTaskTitleOfTheBreakdown() throws Exception {
    IssuedItem item = fixture.issuedItem("分解脚本");
    workTasks.complete(
        fixture.openTask(item, "claimItem").getId(),
        Map.of("claimDecision", "claim"),
        hospital.user("tmedhead"));
    mvc.perform(
            post("/tasks/{id}", fixture.openTask(item, "breakDownItem").getId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("subTasks[0].title", "子任务" + PAYLOAD)
                .param("subTasks[0].assignee", "user:tmedstaff")
                .param("subTasks[0].dueDate", EngineClock.today().plusDays(10).toString()))
        .andExpect(status().is3xxRedirection());
    assertEscaped(pageAs("tmedhead", "/items/{id}", item.itemId()));
    assertEscaped(pageAs("tmedstaff", "/tasks/{id}", fixture.openTask(item, "doSubTask").getId()));
  }

  @Test
  void aNoticesRequirementOnThePrintedNotice() throws Exception {
    IssuedItem item = fixture.issuedItem("督办单脚本");
    scenesLadderOpen(item);
    mvc.perform(
            post("/tasks/{id}", fixture.openTask(item, "triageEscalation").getId())
                .with(as("tducha"))
                .with(csrf())
                .param("triageDecision", "notice")
                .param("noticeRequirement", "要求" + PAYLOAD)
                .param(
                    "noticeDeadline", calendar.addWorkingDays(EngineClock.today(), 5).toString()))
        .andExpect(status().is3xxRedirection());
    Long notice =
        jdbc.queryForObject(
            "select id from supervision_notice where work_item_id = ?", Long.class, item.itemId());
    assertEscaped(pageAs("tmedhead", "/supervision/notices/{id}/print", notice));
    assertEscaped(
        pageAs(
            "tmedhead", "/tasks/{id}", fixture.openTask(item, "submitRectificationPlan").getId()));
  }

  @Test
  void aRectificationPlanOnTheItemPageAndTheReviewTask() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("整改方案脚本");
    mvc.perform(
            post("/tasks/{id}", fixture.openTask(noticed.item(), "submitRectificationPlan").getId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("obstacle", "障碍" + PAYLOAD)
                .param("responsibility", "责任" + PAYLOAD)
                .param("measures", "措施" + PAYLOAD)
                .param(
                    "rectificationDeadline",
                    calendar.addWorkingDays(EngineClock.today(), 10).toString()))
        .andExpect(status().is3xxRedirection());
    assertEscaped(pageAs("tducha", "/items/{id}", noticed.item().itemId()));
    assertEscaped(
        pageAs(
            "tducha",
            "/tasks/{id}",
            fixture.openTask(noticed.item(), "reviewRectificationPlan").getId()));
  }

  @Test
  void anEvidenceFilesNameOnTheItemPage() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("佐证文件名脚本");
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", noticed.rectification().getId())
                .file(
                    new MockMultipartFile(
                        "file", "佐证" + PAYLOAD + ".pdf", "application/pdf", "%PDF-1.4".getBytes()))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    // a slash in a file name becomes _, so the closing tag reads <_script>
    String page = pageAs("tducha", "/items/{id}", noticed.item().itemId());
    assertThat(page)
        .contains(
            "佐证&lt;script&gt;alert(1)&lt;_script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .doesNotContain("<svg onload");
  }

  @Test
  void aChangeRequestOnTheApproversTask() throws Exception {
    IssuedItem item = fixture.issuedItem("变更脚本");
    mvc.perform(
            post("/items/{id}/change", item.itemId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("title", "变更" + PAYLOAD)
                .param("leadDepartmentId", "" + hospital.department("tmedical").getId())
                .param("leaderInChargeId", "" + hospital.personId("tincharge"))
                .param("deadline", EngineClock.today().plusDays(150).toString())
                .param("reason", "理由" + PAYLOAD))
        .andExpect(status().is3xxRedirection());
    String task =
        taskService
            .createTaskQuery()
            .taskDefinitionKey("approveChange")
            .processVariableValueEquals("workItemId", item.itemId())
            .singleResult()
            .getId();
    assertEscaped(pageAs("tleader", "/tasks/{id}", task));
    assertEscaped(pageAs("tleader", "/items/{id}", item.itemId()));
  }

  @Test
  void anUrgeOnTheItemPageAndInTheInbox() throws Exception {
    IssuedItem item = fixture.issuedItem("催办脚本");
    mvc.perform(
            post("/items/{id}/urge", item.itemId())
                .with(as("tleader"))
                .with(csrf())
                .param("message", "催办" + PAYLOAD))
        .andExpect(status().is3xxRedirection());
    assertEscaped(pageAs("tmedhead", "/items/{id}", item.itemId()));
    assertEscaped(pageAs("tmedhead", "/inbox"));
  }

  @Test
  void aPersonsAndADepartmentsNamesOnTheAdminPages() throws Exception {
    String username = "xss" + System.nanoTime() % 1_000_000;
    mvc.perform(
            post("/admin/people")
                .with(as("tadmin"))
                .with(csrf())
                .param("username", username)
                .param("fullName", "<b>" + "张三" + SCRIPT.substring(0, 8))
                .param("title", IMG.substring(0, 30))
                .param("departmentId", "" + hospital.department("tmedical").getId())
                .param("roles", "STAFF")
                .param("password", "Xss-Person-12345"))
        .andExpect(status().is3xxRedirection());
    String people = pageAs("tadmin", "/admin/people");
    assertThat(people).contains("&lt;b&gt;张三&lt;script&gt;").doesNotContain("<b>张三");
    mvc.perform(
            post("/admin/departments")
                .with(as("tadmin"))
                .with(csrf())
                .param("code", username)
                .param("name", "科室" + SVG)
                .param("shortName", "短")
                .param("kind", "FUNCTIONAL"))
        .andExpect(status().is3xxRedirection());
    assertThat(pageAs("tadmin", "/admin/departments"))
        .contains("科室&#39;&gt;&lt;svg onload=alert(1)&gt;")
        .doesNotContain("<svg onload");
  }

  @Test
  void aCellOfAnImportedExcelTableInThePreviewAndTheEditor() throws Exception {
    AttackScenes.Draft draft = scenes.draft("导入脚本");
    byte[] xlsx =
        table(
            new String[] {
              "2",
              "医疗服务",
              "导入事项" + PAYLOAD,
              "目标" + PAYLOAD,
              "测试医务部",
              "",
              "测试分管院长",
              EngineClock.today().plusDays(100).toString()
            });
    MvcResult upload =
        mvc.perform(
                multipart("/books/{id}/import", draft.bookId())
                    .file(
                        new MockMultipartFile(
                            "file", "分解表" + SCRIPT + ".xlsx", "application/octet-stream", xlsx))
                    .with(as("tleader"))
                    .with(csrf()))
            .andReturn();
    String preview =
        upload.getResponse().getStatus() == 302
            ? pageAs("tleader", upload.getResponse().getRedirectedUrl())
            : upload.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertEscaped(preview);
    assertThat(upload.getResponse().getStatus()).as(preview).isEqualTo(302);
    mvc.perform(post(upload.getResponse().getRedirectedUrl()).with(as("tleader")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertEscaped(pageAs("tleader", "/books/{id}/edit", draft.bookId()));
  }

  @Test
  void filterWordsFromTheAddressAreShownAsText() throws Exception {
    IssuedItem item = fixture.issuedItem("筛选脚本");
    String itemPage =
        page(get("/items/{id}", item.itemId()).param("show", PAYLOAD).with(as("tmedhead")));
    assertEscaped(itemPage);
    String audit =
        page(
            get("/admin/audit")
                .param("actor", PAYLOAD)
                .param("action", PAYLOAD)
                .with(as("tadmin")));
    assertThat(audit)
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .doesNotContain("<svg onload");
    // a valid bucket, so that the board is drawn (an unknown one is a 400 before any filter is
    // shown)
    for (String path : new String[] {"/board/items", "/board"}) {
      MockHttpServletResponse board =
          mvc.perform(get(path).param("show", "ALL").param("area", PAYLOAD).with(as("tducha")))
              .andReturn()
              .getResponse();
      String html = board.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(board.getStatus()).as(path).isEqualTo(200);
      assertThat(html)
          .as(path)
          .doesNotContain("<script>alert")
          .doesNotContain("<img src=x")
          .doesNotContain("<svg onload")
          .doesNotContain("onerror=alert(1)>");
      // the filter is echoed in the board's links, encoded
      assertThat(html).as(path).contains("area=%3Cscript%3Ealert(1)%3C/script%3E");
    }
  }

  private void scenesLadderOpen(IssuedItem item) {
    context.getBean(org.duban.ladder.EscalationLadder.class).open(item.itemId());
  }

  @Autowired org.springframework.context.ApplicationContext context;

  private static byte[] table(String[] row) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("分解表");
      String[] header = {"序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "完成时限"};
      Row head = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        head.createCell(i).setCellValue(header[i]);
      }
      Row data = sheet.createRow(1);
      for (int i = 0; i < row.length; i++) {
        data.createCell(i).setCellValue(row[i]);
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
