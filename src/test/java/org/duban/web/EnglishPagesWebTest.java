package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.IssuedItemFixture;
import org.duban.WebTestSupport;
import org.duban.book.BookLevel;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.calendar.WorkCalendar;
import org.duban.checkin.CheckInRounds;
import org.duban.decomposition.HospitalTable;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.EscalationLadder;
import org.duban.light.WeeklySupervisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 16, done when: in English, the interface's own words on every page the browser suite visits
 * are English. The pages of {@code UserPathBrowserTest}, {@code BookFormBrowserTest}, {@code
 * HospitalTableBrowserTest}, {@code ProblemSheetBrowserTest} and {@code
 * DeactivateConfirmBrowserTest} are rendered with {@code ?lang=en} as the people who visit them,
 * along the same story (a department's responsibility book from its draft to a signed-off
 * rectification), with the flash message each step leaves. What a person reads on them (text and
 * shown attributes, see {@link VisibleWords}) may hold Chinese only as user data: the names, titles
 * and texts people typed, read from the columns that hold them. Anything else Chinese that is left
 * is listed, page by page.
 */
class EnglishPagesWebTest extends WebTestSupport {

  /**
   * Columns that hold what people typed or named: Chinese there is the hospital's, not the
   * interface's.
   */
  static final List<String> USER_DATA_COLUMNS =
      List.of(
          "department.name",
          "department.short_name",
          "person.full_name",
          "person.title",
          "task_book.title",
          "task_book.review_comment",
          "goal_area.name",
          "work_item.title",
          "work_item.target_text",
          "work_item.acceptance_criteria",
          "indicator.name",
          "indicator.unit",
          "sub_task.title",
          "sub_task.report",
          "check_in.narrative",
          "check_in.obstacles",
          "escalation.dismiss_reason",
          "supervision_notice.requirement",
          "rectification.obstacle",
          "rectification.responsibility",
          "rectification.measures",
          "rectification.evidence",
          "rectification.review_comment",
          "rectification_attachment.file_name",
          "decomposition_upload.file_name",
          "department_alias.alias",
          "person_alias.alias",
          "work_calendar_day.name",
          "rectification.verification");

  /**
   * Texts the app keeps as a message key beside their Chinese wording: column and its key column.
   */
  static final Map<String, String> STORED_WITHOUT_KEY =
      Map.of(
          "item_event.detail", "detail_key",
          "escalation.reason", "reason_key",
          "work_item.light_reason", "light_reason_key",
          "light_assessment.reason", "reason_key",
          "meeting_referral.reason", "reason_key");

  /** The language switch offers Chinese by its own name, as every language switch does. */
  static final Set<String> LANGUAGE_NAMES = Set.of("中文");

  /**
   * A date as the decomposition sheet accepts it (2026年6月30日), shown as an example of what to type.
   */
  static final Pattern DATA_FORMATS = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日");

  /** A supervision notice's number (督〔2026〕3号) is the document's reference, as a file number is. */
  static final Pattern NOTICE_NUMBER = Pattern.compile("督〔\\d{4}〕\\d+号");

  static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");

  static final String ITEM = "英文页面检查事项";
  static final String BOOK = "英文页面检查目标责任书";

  @Autowired TaskBookService taskBooks;
  @Autowired CheckInRounds checkInRounds;
  @Autowired EscalationLadder ladder;
  @Autowired WeeklySupervisionService weekly;
  @Autowired WorkCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  /** Each page as rendered, by what was asked for and by whom. */
  private final Map<String, String> pages = new LinkedHashMap<>();

  /**
   * Data that reaches pages without being stored in a data column: the cells of an uploaded table.
   */
  private final Set<String> typed = new LinkedHashSet<>();

  @Test
  void everyPageTheBrowserSuiteVisitsShowsTheInterfacesOwnWordsInEnglish() throws Exception {
    LocalDate today = EngineClock.today();
    page(null, get("/login"));

    // 书记起草目标责任书 (UserPathBrowserTest), the book form (BookFormBrowserTest)
    page("tleader", get("/books"));
    page("tleader", get("/books/new"));
    TaskBook book = departmentDraft(BOOK);
    // two collaborating departments, so that the pages join names
    org.duban.book.WorkItemFormData itemForm = fixture.itemForm(book, "1", ITEM);
    itemForm.setCollaboratorIds(
        List.of(hospital.department("tit").getId(), hospital.department("tnursing").getId()));
    Long itemId =
        taskBooks.addItem(book.getId(), itemForm, hospital.user(IssuedItemFixture.ISSUER)).getId();
    page("tleader", get("/books/{id}/edit", book.getId()));

    // a table in the hospital's own names, refused and then imported (HospitalTableBrowserTest,
    // ProblemSheetBrowserTest)
    TaskBook importBook = fixture.draft("英文页面检查导入");
    page("tleader", get("/books/{id}/import", importBook.getId()));
    String deadline = today.plusDays(90).toString();
    String[] header = {"序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "完成时限"};
    String[] unknownNames = {
      "1", "医疗服务", "英文检查未知名称事项", "目标", "英文检查未知科室", null, "英文检查未知领导", deadline
    };
    String[] badDate = {"2", "医疗服务", "", null, "测试医务部", null, "测试分管院长", "明年"};
    byte[] refused = new HospitalTable().header(header).cells(unknownNames).cells(badDate).xlsx();
    for (String[] row : List.of(header, unknownNames, badDate)) {
      java.util.Arrays.stream(row).filter(java.util.Objects::nonNull).forEach(typed::add);
    }
    page(
        "tleader",
        multipart("/books/{id}/import", importBook.getId())
            .file(
                new MockMultipartFile(
                    "file", typed("英文检查有问题的表.xlsx"), "application/octet-stream", refused)));
    byte[] clean =
        new HospitalTable()
            .header(header)
            .cells("1", "医疗服务", "英文检查导入事项", "目标", "测试医务部", "测试信息中心", "测试分管院长", deadline)
            .xlsx();
    MvcResult uploaded =
        send(
            "tleader",
            multipart("/books/{id}/import", importBook.getId())
                .file(
                    new MockMultipartFile(
                        "file", typed("英文检查分解表.xlsx"), "application/octet-stream", clean)));
    String preview = uploaded.getResponse().getRedirectedUrl();
    page("tleader", get(preview));
    follow("tleader", post(preview));

    // 书记提交审核
    task("tleader", "draftTaskBook", book, Map.of("submitNote", "英文检查请审核"));
    // 院长审核通过
    task("treviewer", "reviewTaskBook", book, Map.of("reviewDecision", "approve"));
    page("tleader", get("/books/{id}", book.getId()));
    // 医务部主任签署目标责任书
    task("tmedhead", "signTaskBook", book, Map.of("signDecision", "sign"));
    // 医务部主任认领事项: signed for from the inbox first
    String claim = taskId("item-" + itemId, "claimItem");
    follow("tmedhead", post("/tasks/{id}/claim", claim));
    task("tmedhead", "claimItem", claim, Map.of("claimDecision", "claim"));
    // 医务部主任分解子任务
    task(
        "tmedhead",
        "breakDownItem",
        taskId("item-" + itemId, "breakDownItem"),
        Map.of(
            "subTasks[0].title",
            "英文检查子任务",
            "subTasks[0].assignee",
            "user:tmedstaff",
            "subTasks[0].dueDate",
            today.plusDays(10).toString()));
    page("tmedhead", get("/items/{id}", itemId));
    // 医务干事报告子任务完成
    task(
        "tmedstaff",
        "doSubTask",
        taskId("item-" + itemId, "doSubTask"),
        Map.of("report", "英文检查子任务已办结"));
    page("tmedhead", get("/items/{id}", itemId));
    // 督查室开启月度填报
    page("tducha", get("/supervision"));
    follow("tducha", post("/supervision/check-in-round"));
    // 医务部填报月度进展
    task(
        "tmedhead",
        "submitCheckIn",
        fixture.openCheckInTask(new IssuedItemFixture.IssuedItem(book.getId(), itemId)).getId(),
        Map.of(
            "percentDone",
            "20",
            "readings[0].value",
            "7.1",
            "narrative",
            "英文检查推进缓慢",
            "obstacles",
            "英文检查改造滞后"));
    // the weekly sweep lights the item, and the item page explains its light; the office's page
    // shows what its run-now button leaves (the sweep itself runs here to its end, no job executor)
    weekly.runToEnd("tducha");
    page("tducha", get("/supervision").flashAttr("notice", "supervision.sweep.started"));
    page("tmedhead", get("/items/{id}", itemId));
    // the item goes to the office's triage (the browser test's sweep lights it red; here it is
    // sent)
    ladder.open(itemId);
    page("tducha", get("/supervision"));
    // 督查室研判并签发督办单
    task(
        "tducha",
        "triageEscalation",
        taskId("item-" + itemId, "triageEscalation"),
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "英文检查两周内提交整改方案",
            "noticeDeadline",
            calendar.addWorkingDays(today, 5).toString()));
    page("tducha", get("/supervision"));
    // 医务部提交整改方案
    task(
        "tmedhead",
        "submitRectificationPlan",
        taskId("item-" + itemId, "submitRectificationPlan"),
        Map.of(
            "obstacle",
            "英文检查存在的问题",
            "responsibility",
            "英文检查原因",
            "measures",
            "英文检查措施",
            "rectificationDeadline",
            calendar.addWorkingDays(today, 15).toString()));
    // 督查室同意整改方案
    task(
        "tducha",
        "reviewRectificationPlan",
        taskId("item-" + itemId, "reviewRectificationPlan"),
        Map.of("planDecision", "accept"));
    // 医务部上传佐证材料并提交整改佐证
    page("tmedhead", get("/items/{id}", itemId));
    String evidenceTask = taskId("item-" + itemId, "submitRectificationEvidence");
    Matcher upload =
        Pattern.compile("/supervision/rectifications/(\\d+)/files")
            .matcher(page("tmedhead", get("/tasks/{id}", evidenceTask)));
    assertThat(upload.find()).as("the evidence step's upload form").isTrue();
    follow(
        "tmedhead",
        multipart("/supervision/rectifications/{id}/files", upload.group(1))
            .file(
                new MockMultipartFile(
                    "file", "英文检查整改报告.pdf", "application/pdf", "%PDF-1.4".getBytes()))
            .param("task", evidenceTask));
    task("tmedhead", "submitRectificationEvidence", evidenceTask, Map.of("evidence", "英文检查系统已上线"));
    // 督查室核验销号
    task(
        "tducha",
        "signOffRectification",
        taskId("item-" + itemId, "signOffRectification"),
        Map.of("signOffDecision", "signOff", "signOffComment", "英文检查同意销号"));
    page("tducha", get("/supervision"));
    // 事项页面记录全过程, the book, 驾驶舱
    page("tmedhead", get("/items/{id}", itemId));
    page("tleader", get("/books/{id}", book.getId()));
    page("tleader", get("/board"));
    // a person's page with 停用 (DeactivateConfirmBrowserTest)
    page("tadmin", get("/admin/people/{id}", hospital.personId("tmedstaff")));

    Map<String, Set<String>> left = chineseLeft();
    assertThat(left)
        .as("Chinese left on the English pages, by page (%d pages checked)", pages.size())
        .isEmpty();
  }

  @Test
  void theInboxAndTheTaskPageNameTheTaskAndItsFieldsInTheReadersLanguage() throws Exception {
    String claim = fixture.openTask(fixture.issuedItem("英文任务名称事项"), "claimItem").getId();

    String inbox = page("tmedhead", get("/tasks"));
    assertThat(inbox)
        .contains(">Claim the work item</a>", "Department work on an item")
        // the browser tests find a task's row by its model name, whatever the language
        .contains("data-task-key=\"认领工作任务\"");
    String task = page("tmedhead", get("/tasks/{id}", claim));
    assertThat(task)
        .contains(
            "<h1>Claim the work item</h1>",
            "Confirm whether your department leads this work item",
            ">Dispute</label>",
            "Reason for the dispute",
            "Required when disputing.")
        .doesNotContain("认领结果");

    String chinese =
        mvc.perform(get("/tasks/{id}", claim).param("lang", "zh_CN").with(as("tmedhead")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(chinese)
        .contains("<h1>认领工作任务</h1>", "认领结果", ">提出异议</label>")
        .doesNotContain("Claim the work item");
  }

  /**
   * What is left Chinese on each page once user data, notice numbers and the temporary list are
   * taken out.
   */
  private Map<String, Set<String>> chineseLeft() {
    List<String> data = new ArrayList<>(userData());
    data.sort(Comparator.comparingInt(String::length).reversed());
    Map<String, Set<String>> left = new TreeMap<>();
    pages.forEach(
        (page, html) -> {
          for (String words : VisibleWords.of(html)) {
            if (LANGUAGE_NAMES.contains(words)) {
              continue;
            }
            // data, longest first, then references and formats
            String rest = words;
            for (String d : data) {
              rest = rest.replace(d, " ");
            }
            rest =
                DATA_FORMATS.matcher(NOTICE_NUMBER.matcher(rest).replaceAll(" ")).replaceAll(" ");
            if (CJK.matcher(rest).find()) {
              left.computeIfAbsent(page, p -> new TreeSet<>()).add(words);
            }
          }
        });
    return left;
  }

  /**
   * A text this test types that no data column keeps (an upload's file name once it is imported).
   */
  private String typed(String text) {
    typed.add(text);
    return text;
  }

  private Set<String> userData() {
    Set<String> data = new LinkedHashSet<>();
    typed.stream().filter(s -> CJK.matcher(s).find()).forEach(data::add);
    List<String> columns = new ArrayList<>(USER_DATA_COLUMNS);
    // a stored text without its message key was written before texts had keys, or as an admin
    // worded
    // it (a reason in a changed decision table): it is shown as written, like data
    STORED_WITHOUT_KEY.forEach(
        (column, key) -> {
          String[] tableAndColumn = column.split("\\.");
          jdbc
              .queryForList(
                  "select distinct "
                      + tableAndColumn[1]
                      + " from "
                      + tableAndColumn[0]
                      + " where "
                      + tableAndColumn[1]
                      + " is not null and "
                      + key
                      + " is null",
                  String.class)
              .stream()
              .map(String::strip)
              .filter(s -> CJK.matcher(s).find())
              .forEach(data::add);
        });
    for (String column : columns) {
      String[] tableAndColumn = column.split("\\.");
      jdbc
          .queryForList(
              "select distinct "
                  + tableAndColumn[1]
                  + " from "
                  + tableAndColumn[0]
                  + " where "
                  + tableAndColumn[1]
                  + " is not null",
              String.class)
          .stream()
          .map(String::strip)
          .filter(s -> CJK.matcher(s).find())
          .forEach(data::add);
    }
    return data;
  }

  /**
   * A department's responsibility book of 测试医务部, drafted by tleader, as the browser test drafts it.
   */
  private TaskBook departmentDraft(String title) {
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(today.getYear());
    data.setPeriodStart(today.minusDays(30));
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("医疗服务");
    data.setLevel(BookLevel.DEPARTMENT);
    data.setResponsibleDepartmentId(hospital.department("tmedical").getId());
    return taskBooks.createDraft(data, hospital.user(IssuedItemFixture.ISSUER));
  }

  /**
   * The person's inbox, the book's open task's page, and the task submitted as the person's form.
   */
  private void task(String username, String taskKey, TaskBook book, Map<String, String> fields)
      throws Exception {
    task(username, taskKey, taskId(book.getProcessInstanceId(), taskKey), fields);
  }

  private void task(String username, String taskKey, String taskId, Map<String, String> fields)
      throws Exception {
    page(username, get("/tasks"));
    page(username, get("/tasks/{id}", taskId));
    MockHttpServletRequestBuilder submit = post("/tasks/{id}", taskId);
    fields.forEach(submit::param);
    MvcResult result = send(username, submit);
    assertThat(result.getResponse().getRedirectedUrl())
        .as(
            "%s submitted by %s: %s",
            taskKey, username, result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("/tasks");
    page(username, get("/tasks").flashAttrs(result.getFlashMap()));
  }

  private String taskId(String instanceOrBusinessKey, String taskKey) {
    return taskService
        .createTaskQuery()
        .or()
        .processInstanceId(instanceOrBusinessKey)
        .processInstanceBusinessKey(instanceOrBusinessKey)
        .endOr()
        .taskDefinitionKey(taskKey)
        .singleResult()
        .getId();
  }

  /** Posts, then renders where it leads with the flash message it left. */
  private void follow(String username, MockHttpServletRequestBuilder request) throws Exception {
    MvcResult result = send(username, request);
    String target = result.getResponse().getRedirectedUrl();
    assertThat(target).as("where %s leads", result.getRequest().getRequestURI()).isNotNull();
    page(username, get(target.replaceFirst("#.*$", "")).flashAttrs(result.getFlashMap()));
  }

  /** The page in English as this person (or nobody) gets it; kept for the check. */
  private String page(String username, MockHttpServletRequestBuilder request) throws Exception {
    MvcResult result = send(username, request);
    assertThat(result.getResponse().getStatus())
        .as("status of %s", result.getRequest().getRequestURI())
        .isIn(200, 422);
    String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    pages.put(
        pages.size()
            + 1
            + ". "
            + result.getRequest().getMethod()
            + " "
            + result.getRequest().getRequestURI()
            + " as "
            + username,
        html);
    return html;
  }

  private MvcResult send(String username, MockHttpServletRequestBuilder request) throws Exception {
    request.param("lang", "en");
    if (username != null) {
      request.with(as(username));
    }
    // a GET ignores the token
    request.with(csrf());
    return mvc.perform(request).andReturn();
  }
}
