package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.duban.HttpBrowser;
import org.duban.TestClock;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookStatus;
import org.duban.book.WorkItemFormData;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Import of the committed decomposition tables into a 2026 draft through the pages: a clean file is
 * previewed and then written in one step; a file with any problem lists every problem with its
 * Excel row in Chinese and writes nothing, not even the upload.
 */
class DecompositionImportWebTest extends DecompositionTestSupport {

  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  /**
   * Uploads the file to a new draft, expects it refused with exactly these problems, and nothing
   * written.
   */
  private void assertRefusedWithNothingWritten(String fileName, byte[] content, String... expected)
      throws Exception {
    // Given a draft with only the goal area 医疗服务
    TaskBook book = draft("导入被拒：" + fileName);

    // When its issuer uploads the file
    MvcResult result = upload(book.getId(), fileName, content, ISSUER);

    // Then every problem is listed, in Chinese with its row, and nothing is written or stored
    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    assertThat(problems(result)).containsExactly(expected);
    assertNothingWritten(book.getId());
  }

  private void assertRefusedWithNothingWritten(String fileName, String... expected)
      throws Exception {
    assertRefusedWithNothingWritten(fileName, file(fileName), expected);
  }

  private void assertNothingWritten(Long bookId) {
    assertThat(items(bookId)).isEmpty();
    assertThat(goalAreas(bookId)).containsExactly("医疗服务");
    assertThat(uploads.countByTaskBookId(bookId)).isZero();
  }

  // ---- files with problems

  /**
   * As {@link #assertRefusedWithNothingWritten}, for a file whose unknown names the name screen can
   * map (issue 15): nothing is imported, but the upload is kept for that screen.
   */
  private void assertRefusedWithNamesToMap(String fileName, String... expected) throws Exception {
    TaskBook book = draft("导入被拒：" + fileName);

    MvcResult result = upload(book.getId(), fileName, file(fileName), ISSUER);

    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    assertThat(problems(result)).containsExactly(expected);
    assertThat(items(book.getId())).isEmpty();
    assertThat(goalAreas(book.getId())).containsExactly("医疗服务");
    assertThat(uploads.countByTaskBookId(book.getId())).isOne();
  }

  @Test
  void unknownDepartmentsAreListedWithTheirRows() throws Exception {
    assertRefusedWithNamesToMap(
        "unknown-department.xlsx",
        "第 3 行：牵头部门“测试财务部”不是本院在用的部门，请填写部门全称或简称",
        "第 4 行：协同部门“测试后勤部”不是本院在用的部门，请填写部门全称或简称");
  }

  @Test
  void anUnknownLeaderAndAPersonWhoIsNoLeaderAreListedWithTheirRows() throws Exception {
    assertRefusedWithNamesToMap(
        "unknown-leader.xlsx", "第 2 行：分管领导“张三”不是本院在用的人员，请填写院领导的姓名", "第 3 行：“测试医务主任”不是院领导，不能担任分管领导");
  }

  @Test
  void deadlinesThatAreNoDayAreListedWithTheFormatsThatWork() throws Exception {
    assertRefusedWithNothingWritten(
        "bad-date.xlsx",
        "第 2 行：完成时限“2026年6月底”不是有效日期，请写作 2026-06-30、2026/6/30 或 2026年6月30日",
        "第 3 行：完成时限“2026-02-30”不是有效日期，请写作 2026-06-30、2026/6/30 或 2026年6月30日");
  }

  @Test
  void aDeadlineInThePastIsListed() throws Exception {
    assertRefusedWithNothingWritten("past-date.xlsx", "第 3 行：完成时限 2026-01-15 已经过去");
  }

  @Test
  void aDeadlineOutsideTheBookPeriodIsListed() throws Exception {
    assertRefusedWithNothingWritten(
        "date-outside-period.xlsx", "第 2 行：完成时限 2027-03-31 不在任务书期限（2026-01-01 至 2026-12-31）之内");
  }

  @Test
  void missingRequiredCellsAreListedByColumn() throws Exception {
    assertRefusedWithNothingWritten(
        "missing-cells.xlsx", "第 2 行：缺少必填项：牵头部门、完成时限", "第 3 行：缺少必填项：序号");
  }

  @Test
  void aSeqTwiceInTheFileNamesTheFirstRow() throws Exception {
    assertRefusedWithNothingWritten("duplicate-seq.xlsx", "第 4 行：序号“1”与第 2 行重复");
  }

  @Test
  void formulaErrorsAreListedWithTheirCell() throws Exception {
    assertRefusedWithNothingWritten(
        "formula-error.xlsx",
        "第 2 行：完成时限（H2 单元格）的公式出错：#DIV/0!",
        "第 3 行：工作任务（C3 单元格）的公式出错：#REF!",
        "第 4 行：牵头部门（E4 单元格）的公式出错：#N/A");
  }

  @Test
  void aMergedGoalAreaCountsForEveryRowItSpans() throws Exception {
    // was: refused with "表格中有合并单元格（B3:B5）"
    TaskBook book = draft("导入：合并单元格");

    confirm(
        book.getId(), uploadClean(book.getId(), "merged-cells.xlsx", file("merged-cells.xlsx")));

    assertThat(items(book.getId()))
        .extracting(ItemSummary::title, ItemSummary::goalArea)
        .containsExactly(
            tuple("缩短平均住院日", "医疗服务"), tuple("降低药占比", "医疗服务"), tuple("提高床位使用率", "医疗服务"));
  }

  @Test
  void aRenamedTextFileIsNoWorkbook() throws Exception {
    assertRefusedWithNothingWritten("not-xlsx.xlsx", "文件不是 Excel 工作簿（.xlsx），无法读取。请下载模板填写后再导入");
  }

  @Test
  void anOldXlsFileImportsLikeAnXlsx() throws Exception {
    // was: refused, asked to be saved as .xlsx
    TaskBook book = draft("导入：旧版 xls");

    confirm(book.getId(), uploadClean(book.getId(), "old-format.xls", file("old-format.xls")));

    assertThat(items(book.getId()))
        .extracting(ItemSummary::title, ItemSummary::leadDepartment, ItemSummary::deadline)
        .containsExactly(tuple("缩短平均住院日", "测试医务部", LocalDate.of(2026, 6, 30)));
  }

  @Test
  void anEmptySheetIsRefused() throws Exception {
    assertRefusedWithNothingWritten("empty-sheet.xlsx", "工作表中没有任何内容");
  }

  @Test
  void aSheetWithoutTheHeaderIsToldWhatTheHeaderShouldBe() throws Exception {
    assertRefusedWithNothingWritten(
        "no-header.xlsx",
        "未找到表头：前 20 行中没有同时含“序号”和“工作任务”的行。表头应为：序号、目标领域、工作任务、具体目标/指标、牵头部门、协同部门、分管领导、完成时限");
  }

  @Test
  void aHeaderWithoutARequiredColumnIsListedWithItsRow() throws Exception {
    assertRefusedWithNothingWritten("header-missing-column.xlsx", "第 1 行：表头缺少必填的列：分管领导");
  }

  @Test
  void aFileOverTenMegabytesIsRefused() throws Exception {
    // a real workbook padded past the limit; 10 MB of test file are not committed
    byte[] large = Arrays.copyOf(file("clean.xlsx"), 10 * 1024 * 1024 + 1);
    assertRefusedWithNothingWritten(
        "large.xlsx", large, "文件大小为 10.1 MB，超过了 10 MB 的上限。请删除多余的工作表或图片后再导入");
  }

  @Test
  void anUploadWithoutAFileAsksForOne() throws Exception {
    TaskBook book = draft("导入：未选文件");

    MvcResult result =
        mvc.perform(
                multipart("/books/{id}/import", book.getId())
                    .file(new MockMultipartFile("file", "", XLSX, new byte[0]))
                    .with(as(ISSUER))
                    .with(csrf()))
            .andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    assertThat(problems(result)).containsExactly("请选择要导入的分解表文件（.xlsx）");
    assertNothingWritten(book.getId());
  }

  @Test
  void theRowsOfARefusedFileAreShownWithTheirOwnProblems() throws Exception {
    TaskBook book = draft("导入被拒：逐行显示");

    MvcResult result =
        upload(book.getId(), "unknown-department.xlsx", file("unknown-department.xlsx"), ISSUER);

    // the file's three rows, the good one marked new and the two others with their problem beside
    // them
    assertThat(HtmlTexts.byClass(html(result), "import-row")).hasSize(3);
    assertThat(HtmlTexts.byClass(html(result), "import-row-invalid"))
        .hasSize(2)
        .allSatisfy(row -> assertThat(row).contains("有误", "不是本院在用的部门"));
    assertThat(HtmlTexts.byClass(html(result), "import-row-new"))
        .singleElement()
        .satisfies(row -> assertThat(row).contains("缩短平均住院日", "新增"));
  }

  // ---- clean files

  @Test
  void aCleanFileIsPreviewedFirstAndWrittenOnlyOnConfirmation() throws Exception {
    // Given a draft with the goal area 医疗服务
    TaskBook book = draft("导入：干净的分解表");

    // When the issuer uploads a clean table whose rows name 学科建设 too
    Long uploadId = uploadClean(book.getId(), "clean.xlsx", file("clean.xlsx"));

    // Then the preview shows every row as it will be created, and nothing is written but the upload
    MvcResult preview =
        mvc.perform(get("/books/{id}/import/{u}", book.getId(), uploadId).with(as(ISSUER)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(HtmlTexts.byClass(html(preview), "import-row-new"))
        .containsExactly(
            "4 1 医疗服务 缩短平均住院日 平均住院日≤6.5天 测试医务部 测试信息中心、测试护理部 测试分管院长 2026-06-30 新增",
            "5 2 学科建设 （新建领域） 建设胸痛中心 通过国家级胸痛中心认证 测试医务部 测试护理部、测试信息中心 测试分管院长 2026-09-30 新增",
            "7 3 学科建设 （新建领域） 推进电子病历评级 测试信息中心 测试院长 2026-12-31 新增");
    assertThat(HtmlTexts.byClass(html(preview), "count-new")).containsExactly("3");
    assertThat(items(book.getId())).isEmpty();
    assertThat(goalAreas(book.getId())).containsExactly("医疗服务");
    assertThat(uploads.existsById(uploadId)).isTrue();

    // When the issuer confirms
    mvc.perform(
            post("/books/{id}/import/{u}", book.getId(), uploadId).with(as(ISSUER)).with(csrf()))
        .andExpect(redirectedUrl("/books/" + book.getId() + "/edit"))
        .andExpect(flash().attribute("notice", "decomposition.imported"));

    // Then the items, and the goal area they name, are in the book, and the upload is gone
    assertThat(items(book.getId()))
        .extracting(
            ItemSummary::seq,
            ItemSummary::goalArea,
            ItemSummary::title,
            ItemSummary::targetText,
            ItemSummary::leadDepartment,
            ItemSummary::leaderInCharge,
            ItemSummary::deadline)
        .containsExactly(
            tuple(
                "1", "医疗服务", "缩短平均住院日", "平均住院日≤6.5天", "测试医务部", "测试分管院长", LocalDate.of(2026, 6, 30)),
            tuple(
                "2", "学科建设", "建设胸痛中心", "通过国家级胸痛中心认证", "测试医务部", "测试分管院长", LocalDate.of(2026, 9, 30)),
            tuple("3", "学科建设", "推进电子病历评级", null, "测试信息中心", "测试院长", LocalDate.of(2026, 12, 31)));
    assertThat(items(book.getId()).get(0).collaborators())
        .containsExactlyInAnyOrder("测试信息中心", "测试护理部");
    assertThat(items(book.getId()).get(1).collaborators())
        .containsExactlyInAnyOrder("测试信息中心", "测试护理部");
    assertThat(items(book.getId()).get(2).collaborators()).isEmpty();
    assertThat(goalAreas(book.getId())).containsExactly("医疗服务", "学科建设");
    assertThat(uploads.existsById(uploadId)).isFalse();
  }

  @Test
  void realDateCellsImportAsTheirDays() throws Exception {
    TaskBook book = draft("导入：日期单元格");

    confirm(
        book.getId(),
        uploadClean(book.getId(), "real-date-cells.xlsx", file("real-date-cells.xlsx")));

    assertThat(items(book.getId()))
        .extracting(ItemSummary::deadline)
        .containsExactly(
            LocalDate.of(2026, 6, 30),
            LocalDate.of(2026, 7, 31),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 10, 31));
  }

  @Test
  void chineseDateTextImportsAsTheDaysItNames() throws Exception {
    TaskBook book = draft("导入：中文日期");

    confirm(
        book.getId(),
        uploadClean(book.getId(), "chinese-date-text.xlsx", file("chinese-date-text.xlsx")));

    assertThat(items(book.getId()))
        .extracting(ItemSummary::deadline)
        .containsExactly(
            LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 31));
  }

  @Test
  void columnsInAnotherOrderImportByTheirHeaders() throws Exception {
    TaskBook book = draft("导入：列顺序不同");

    confirm(
        book.getId(),
        uploadClean(book.getId(), "reordered-columns.xlsx", file("reordered-columns.xlsx")));

    assertThat(items(book.getId()))
        .extracting(
            ItemSummary::seq,
            ItemSummary::title,
            ItemSummary::targetText,
            ItemSummary::leadDepartment,
            ItemSummary::collaborators,
            ItemSummary::leaderInCharge,
            ItemSummary::deadline)
        .containsExactly(
            tuple(
                "1",
                "开展护理质量提升行动",
                "护理质量合格率≥95%",
                "测试护理部",
                List.of("测试医务部"),
                "测试分管院长",
                LocalDate.of(2026, 5, 31)),
            tuple("2", "上线互联网医院", null, "测试信息中心", List.of(), "测试院长", LocalDate.of(2026, 10, 31)));
  }

  // ---- the same file twice

  @Test
  void importingTheSameFileTwiceSkipsTheRowsAlreadyThere() throws Exception {
    // Given a draft into which clean.xlsx was imported
    TaskBook book = draft("导入：同一文件两次");
    confirm(book.getId(), uploadClean(book.getId(), "clean.xlsx", file("clean.xlsx")));
    List<Long> idsBefore = items(book.getId()).stream().map(ItemSummary::id).toList();

    // When the same file is uploaded again
    Long again = uploadClean(book.getId(), "clean.xlsx", file("clean.xlsx"));

    // Then the preview shows every row as already there and skipped
    MvcResult preview =
        mvc.perform(get("/books/{id}/import/{u}", book.getId(), again).with(as(ISSUER)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(HtmlTexts.byClass(html(preview), "import-row-existing"))
        .hasSize(3)
        .allSatisfy(row -> assertThat(row).endsWith("已存在，跳过"));
    assertThat(HtmlTexts.byClass(html(preview), "count-new")).containsExactly("0");

    // and confirming adds nothing
    mvc.perform(post("/books/{id}/import/{u}", book.getId(), again).with(as(ISSUER)).with(csrf()))
        .andExpect(flash().attribute("notice", "decomposition.importedNothing"));
    assertThat(items(book.getId()))
        .extracting(ItemSummary::id)
        .containsExactlyElementsOf(idsBefore);

    // When a file with the same rows, written plainly, and one more is imported
    confirm(
        book.getId(),
        uploadClean(book.getId(), "clean-plus-one.xlsx", file("clean-plus-one.xlsx")));

    // Then only the new row is added, with its new goal area
    assertThat(items(book.getId()))
        .extracting(ItemSummary::seq)
        .containsExactly("1", "2", "3", "4");
    assertThat(items(book.getId()).subList(0, 3))
        .extracting(ItemSummary::id)
        .containsExactlyElementsOf(idsBefore);
    assertThat(goalAreas(book.getId())).containsExactly("医疗服务", "学科建设", "人才队伍");
  }

  @Test
  void aSeqAlreadyInTheBookWithOtherContentIsAnError() throws Exception {
    // Given a draft into which clean.xlsx was imported
    TaskBook book = draft("导入：序号已有不同内容");
    confirm(book.getId(), uploadClean(book.getId(), "clean.xlsx", file("clean.xlsx")));

    // When a file with item 1 retitled is uploaded
    MvcResult result =
        upload(book.getId(), "clean-changed.xlsx", file("clean-changed.xlsx"), ISSUER);

    // Then it is refused and item 1 keeps its title
    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    assertThat(problems(result))
        .containsExactly("第 2 行：序号“1”在任务书中已有事项，但内容不同（工作任务）。如需修改，请先在任务书中删除该事项");
    assertThat(items(book.getId()))
        .extracting(ItemSummary::title)
        .containsExactly("缩短平均住院日", "建设胸痛中心", "推进电子病历评级");
    assertThat(uploads.countByTaskBookId(book.getId())).isZero();
  }

  @Test
  void aConflictingItemAddedAfterThePreviewIsCaughtOnConfirmationAndNothingIsWritten()
      throws Exception {
    // Given a clean upload waiting in its preview
    TaskBook book = draft("导入：预览后任务书有变");
    Long uploadId = uploadClean(book.getId(), "clean.xlsx", file("clean.xlsx"));

    // and an item 2 added in the editor meanwhile
    WorkItemFormData other = new WorkItemFormData();
    other.setGoalAreaId(book.getGoalAreas().get(0).getId());
    other.setSeq("2");
    other.setTitle("其他事项");
    other.setLeadDepartmentId(hospital.department("tmedical").getId());
    other.setLeaderInChargeId(hospital.personId("tincharge"));
    other.setDeadline(LocalDate.of(2026, 9, 30));
    taskBooks.addItem(book.getId(), other, user(ISSUER));

    // When the issuer confirms
    MvcResult result =
        mvc.perform(
                post("/books/{id}/import/{u}", book.getId(), uploadId)
                    .with(as(ISSUER))
                    .with(csrf()))
            .andReturn();

    // Then the conflict is listed and none of the file's rows or goal areas is written
    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    assertThat(problems(result))
        .containsExactly("第 5 行：序号“2”在任务书中已有事项，但内容不同（目标领域、工作任务、具体目标/指标、协同部门）。如需修改，请先在任务书中删除该事项");
    assertThat(items(book.getId())).extracting(ItemSummary::title).containsExactly("其他事项");
    assertThat(goalAreas(book.getId())).containsExactly("医疗服务");
    assertThat(HtmlTexts.byClass(html(result), "confirm-import")).isEmpty();
  }

  // ---- rights

  @Test
  void onlyTheIssuerOfTheDraftMayImportAndOthersWriteNothing() throws Exception {
    TaskBook book = draft("导入：只有下达人");

    // When another leader or a department head opens the import page or uploads a clean file
    for (String other : List.of("treviewer", "tmedhead")) {
      mvc.perform(get("/books/{id}/import", book.getId()).with(as(other)))
          .andExpect(status().isForbidden());
      assertThat(
              upload(book.getId(), "clean.xlsx", file("clean.xlsx"), other)
                  .getResponse()
                  .getStatus())
          .isEqualTo(403);
    }

    // Then they are refused and nothing is written or stored
    assertNothingWritten(book.getId());
    // while the issuer may
    mvc.perform(get("/books/{id}/import", book.getId()).with(as(ISSUER)))
        .andExpect(status().isOk());
  }

  @Test
  void aBookSubmittedForReviewTakesNoImport() throws Exception {
    // Given a book with one item that its issuer submitted for review
    TaskBook book = draft("导入：已提交审核");
    WorkItemFormData item = new WorkItemFormData();
    item.setGoalAreaId(book.getGoalAreas().get(0).getId());
    item.setSeq("9");
    item.setTitle("已有事项");
    item.setLeadDepartmentId(hospital.department("tmedical").getId());
    item.setLeaderInChargeId(hospital.personId("tincharge"));
    item.setDeadline(LocalDate.of(2026, 9, 30));
    taskBooks.addItem(book.getId(), item, user(ISSUER));
    String draftTask =
        taskService
            .createTaskQuery()
            .processInstanceId(book.getProcessInstanceId())
            .taskDefinitionKey("draftTaskBook")
            .singleResult()
            .getId();
    workTasks.complete(draftTask, Map.of(), user(ISSUER));
    assertThat(bookQueries.summary(book.getId()).status()).isEqualTo(TaskBookStatus.IN_REVIEW);

    // When the issuer opens the import page or uploads a clean file, Then both are refused
    mvc.perform(get("/books/{id}/import", book.getId()).with(as(ISSUER)))
        .andExpect(status().isForbidden());
    assertThat(
            upload(book.getId(), "clean.xlsx", file("clean.xlsx"), ISSUER)
                .getResponse()
                .getStatus())
        .isEqualTo(403);

    // and the book keeps its one item
    assertThat(items(book.getId())).extracting(ItemSummary::title).containsExactly("已有事项");
    assertThat(uploads.countByTaskBookId(book.getId())).isZero();
  }

  @Test
  void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
    TaskBook book = draft("导入：缺少CSRF");

    mvc.perform(
            multipart("/books/{id}/import", book.getId())
                .file(new MockMultipartFile("file", "clean.xlsx", XLSX, file("clean.xlsx")))
                .with(as(ISSUER)))
        .andExpect(status().isForbidden());

    assertNothingWritten(book.getId());
  }

  @Test
  void anUploadConfirmedOnAnotherBookIsGoneAndWritesNothing() throws Exception {
    // Given a clean upload for one draft of the issuer
    TaskBook first = draft("导入：上传所属任务书");
    TaskBook second = draft("导入：另一任务书");
    Long uploadId = uploadClean(first.getId(), "clean.xlsx", file("clean.xlsx"));

    // When it is confirmed through the other draft
    mvc.perform(
            post("/books/{id}/import/{u}", second.getId(), uploadId).with(as(ISSUER)).with(csrf()))
        .andExpect(redirectedUrl("/books/" + second.getId() + "/import"))
        .andExpect(flash().attribute("warning", "decomposition.upload.gone"));

    // Then neither draft has items and the upload still waits for its own draft
    assertThat(items(first.getId())).isEmpty();
    assertThat(items(second.getId())).isEmpty();
    assertThat(uploads.existsById(uploadId)).isTrue();
  }

  // ---- the upload between preview and confirmation

  @Test
  void theUploadIsStoredByteForByteWithItsHashAndOnceForTheSameFile() throws Exception {
    TaskBook book = draft("导入：上传存储");
    byte[] content = file("clean.xlsx");

    Long first = uploadClean(book.getId(), "C:\\Users\\张\\clean.xlsx", content);
    Long again = uploadClean(book.getId(), "clean.xlsx", content);

    assertThat(again).isEqualTo(first);
    Map<String, Object> stored =
        jdbc.queryForMap(
            "select task_book_id, uploaded_by, file_name, content, sha256 from decomposition_upload where id = ?",
            first);
    assertThat(stored.get("content")).isEqualTo(content);
    assertThat(stored.get("sha256"))
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(stored.get("file_name")).isEqualTo("clean.xlsx");
    assertThat(stored.get("uploaded_by")).isEqualTo(ISSUER);
    assertThat(((Number) stored.get("task_book_id")).longValue()).isEqualTo(book.getId());
  }

  @Test
  void uploadsOlderThanADayAreDeletedWhenANewOneIsStored() throws Exception {
    // Given an upload from the morning of 2 March
    TaskBook book = draft("导入：过期上传");
    Long old = uploadClean(book.getId(), "clean.xlsx", file("clean.xlsx"));

    // When another file is uploaded a day and a minute later
    TestClock.at(TODAY.plusDays(1).atTime(10, 1));
    Long fresh =
        uploadClean(book.getId(), "reordered-columns.xlsx", file("reordered-columns.xlsx"));

    // Then the old upload is gone, and its preview says so
    assertThat(uploads.existsById(old)).isFalse();
    assertThat(uploads.existsById(fresh)).isTrue();
    mvc.perform(get("/books/{id}/import/{u}", book.getId(), old).with(as(ISSUER)))
        .andExpect(redirectedUrl("/books/" + book.getId() + "/import"))
        .andExpect(flash().attribute("warning", "decomposition.upload.gone"));
  }

  @Test
  void discardingAnUploadDeletesItAndWritesNothing() throws Exception {
    TaskBook book = draft("导入：放弃");
    Long uploadId = uploadClean(book.getId(), "clean.xlsx", file("clean.xlsx"));

    mvc.perform(
            post("/books/{id}/import/{u}/discard", book.getId(), uploadId)
                .with(as(ISSUER))
                .with(csrf()))
        .andExpect(redirectedUrl("/books/" + book.getId() + "/import"));

    assertNothingWritten(book.getId());
  }

  @Test
  void aFileOverTheServersMultipartLimitGetsTheImportPageWithTheMessage() throws Exception {
    // Given the issuer logged in through the real server, whose multipart limit is 10 MB
    TaskBook book = draft("导入：超过服务器上限");
    HttpBrowser http = HttpBrowser.onPort(port).logIn(ISSUER);
    String importPage = http.get("/books/" + book.getId() + "/import").body();

    // When an 11 MB file is posted as the page's script posts it, with the CSRF token as a header
    HttpResponse<String> response =
        http.postFile(
            "/books/" + book.getId() + "/import",
            Map.of(),
            "file",
            "big.xlsx",
            XLSX,
            new byte[11 * 1024 * 1024],
            "X-CSRF-TOKEN",
            HttpBrowser.csrfOf(importPage));

    // Then the import page answers with the Chinese message, and nothing is written
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(HtmlTexts.byClass(response.body(), "import-problem"))
        .containsExactly("文件超过了 10 MB 的上限。请删除多余的工作表或图片后再导入");
    assertNothingWritten(book.getId());
  }

  @LocalServerPort int port;
}
