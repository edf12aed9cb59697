package org.duban.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.duban.IssuedItemFixture;
import org.duban.WebTestSupport;
import org.duban.book.GoalArea;
import org.duban.book.ItemStage;
import org.duban.book.ItemStates;
import org.duban.book.Light;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemFormData;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.CheckIn;
import org.duban.checkin.CheckInRepository;
import org.duban.checkin.CheckInService;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.EscalationLadder;
import org.duban.ladder.EscalationRepository;
import org.duban.ladder.SupervisionNoticeRepository;
import org.duban.light.LightFacts;
import org.duban.light.LightFactsCalculator;
import org.duban.light.WeeklySupervisionService;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board (驾驶舱): over generated items of varied lights, stages, departments, leaders and areas,
 * every number equals the count taken directly from the items, filters narrow it, every number
 * links to exactly its items, a department head sees only their department, and staff are refused.
 */
class BoardWebTest extends WebTestSupport {

  static final String[] DEPARTMENTS = {"tmedical", "tnursing", "tit"};
  static final String[] LEADERS = {"tleader", "treviewer", "tincharge"};

  @Autowired TaskBookService books;
  @Autowired WorkTasks workTasks;
  @Autowired WorkItemRepository workItems;
  @Autowired SupervisionNoticeRepository notices;
  @Autowired EscalationRepository escalations;
  @Autowired TransactionTemplate transaction;
  @Autowired CheckInService checkIns;
  @Autowired WeeklySupervisionService weekly;
  @Autowired EscalationLadder ladder;
  @Autowired CheckInRepository checkInRecords;

  // generated once for the class: the context (and its database) is shared by all tests
  static Long bookId;
  static String areaA;
  static String areaB;
  static Long firstItemId;

  @BeforeEach
  void generate() {
    hospital.ensure();
    if (bookId != null) {
      return;
    }
    // a fresh issued book of 27 items: every department × leader × light-or-stage mix
    TaskBook book = fixture.draft("驾驶舱测试任务书");
    areaA = book.getGoalAreas().get(0).getName();
    areaB = "驾驶舱领域" + System.nanoTime();
    GoalArea second =
        books.addGoalArea(book.getId(), areaB, hospital.user(IssuedItemFixture.ISSUER));
    List<Long> ids = new ArrayList<>();
    int n = 0;
    for (String department : DEPARTMENTS) {
      for (String leader : LEADERS) {
        for (int k = 0; k < 3; k++) {
          n++;
          WorkItemFormData form = fixture.itemForm(book, String.valueOf(n), "驾驶舱事项" + n);
          form.setLeadDepartmentId(hospital.department(department).getId());
          form.setCollaboratorIds(List.of());
          form.setLeaderInChargeId(hospital.personId(leader));
          if (n % 2 == 0) {
            form.setGoalAreaId(second.getId());
          }
          ids.add(
              books.addItem(book.getId(), form, hospital.user(IssuedItemFixture.ISSUER)).getId());
        }
      }
    }
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        task(instance, "draftTaskBook"), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        task(instance, "reviewTaskBook"),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));
    // monthly check-ins of the first twelve items (医务部's and part of 护理部's): last month, then this
    // one
    String thisMonth = java.time.YearMonth.from(EngineClock.today()).toString();
    String lastMonth = java.time.YearMonth.from(EngineClock.today()).minusMonths(1).toString();
    for (int i = 0; i < 12; i++) {
      Long id = ids.get(i);
      Long indicator =
          transaction.execute(
              status -> workItems.findById(id).orElseThrow().getIndicators().get(0).getId());
      checkIns.submit(
          id,
          lastMonth,
          5 * i,
          Map.of(indicator, new java.math.BigDecimal("7.1")),
          "按计划推进",
          null,
          "tmedhead");
      checkIns.submit(
          id,
          thisMonth,
          5 * i + 3 * (i % 4),
          Map.of(indicator, new java.math.BigDecimal("6." + (9 - i % 5))),
          "按计划推进",
          i == 0 ? "信息系统改造滞后" : null,
          "tmedhead");
    }
    // lights and stages as the sweep and the departments would leave them: 0 red, 1 yellow, 2
    // green,
    // 3 unlit, 4 closed, 5 red and overdue, 6 closed after it was red
    transaction.executeWithoutResult(
        status -> {
          LocalDate today = EngineClock.today();
          for (int i = 0; i < ids.size(); i++) {
            WorkItem item = workItems.findById(ids.get(i)).orElseThrow();
            switch (i % 7) {
              case 0 -> ItemStates.lit(item, Light.RED, "进度滞后", EngineClock.now());
              case 1 -> ItemStates.lit(item, Light.YELLOW, "进度偏慢", EngineClock.now());
              case 2 -> ItemStates.lit(item, Light.GREEN, "按计划", EngineClock.now());
              case 3 -> {}
              case 4 -> ItemStates.closed(item, EngineClock.now());
              case 5 -> {
                ItemStates.lit(item, Light.RED, "已逾期", EngineClock.now());
                ItemStates.revise(
                    item,
                    item.getTitle(),
                    item.getTargetText(),
                    item.getLeaderInCharge(),
                    today.minusDays(3),
                    null);
              }
              default -> {
                ItemStates.lit(item, Light.RED, "进度滞后", EngineClock.now());
                ItemStates.closed(item, EngineClock.now());
              }
            }
          }
        });
    // two red items under an open supervision notice (医务部's and 护理部's), a third escalated but not
    // yet triaged
    for (int i : new int[] {7, 14, 21}) {
      Long id = ids.get(i);
      weekly.recordLight(null, id, Light.RED, "进度滞后", new LightFacts(60, 30, 0, 0, 200));
      ladder.open(id);
      if (i != 21) {
        String triage =
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey("item-" + id)
                .taskDefinitionKey("triageEscalation")
                .singleResult()
                .getId();
        LocalDate due = EngineClock.today().plusDays(14);
        while (due.getDayOfWeek().getValue() > 5) {
          due = due.plusDays(1);
        }
        workTasks.complete(
            triage,
            Map.of(
                "triageDecision",
                "notice",
                "noticeRequirement",
                "两周内提交整改方案",
                "noticeDeadline",
                due),
            hospital.user("tducha"));
      }
    }
    firstItemId = ids.get(0);
    bookId = book.getId();
  }

  private String task(String instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }

  /** What an item shows on the board, taken from the item itself. */
  record Facts(
      Long id,
      Long book,
      String area,
      Long department,
      Long leader,
      ItemStage stage,
      Light light,
      LocalDate deadline,
      boolean openNotice) {

    boolean in(Bucket bucket) {
      boolean closed = stage == ItemStage.CLOSED;
      return switch (bucket) {
        case ALL -> true;
        case CLOSED -> closed;
        case NONE -> !closed && light == null;
        case RED, YELLOW, GREEN -> !closed && light == Light.valueOf(bucket.name());
        case OVERDUE -> !closed && deadline.isBefore(EngineClock.today());
        case NOTICE -> openNotice;
      };
    }
  }

  /**
   * Every issued item of the hospital, read item by item: the board's numbers are checked against
   * these.
   */
  List<Facts> allFacts() {
    return transaction.execute(
        status -> {
          Set<Long> openEscalations =
              escalations.findAll().stream()
                  .filter(e -> e.isOpen())
                  .map(e -> e.getId())
                  .collect(Collectors.toSet());
          Set<Long> noticed =
              notices.findAll().stream()
                  .filter(n -> openEscalations.contains(n.getEscalationId()))
                  .map(n -> n.getWorkItemId())
                  .collect(Collectors.toSet());
          return workItems.findAll().stream()
              // the board leaves drafts and cancelled (撤销) items out entirely
              .filter(i -> i.getStage() != ItemStage.DRAFT && i.getStage() != ItemStage.CANCELLED)
              .map(
                  i ->
                      new Facts(
                          i.getId(),
                          i.getTaskBook().getId(),
                          i.getGoalArea() == null ? null : i.getGoalArea().getName(),
                          i.getLeadDepartment().getId(),
                          i.getLeaderInCharge() == null ? null : i.getLeaderInCharge().getId(),
                          i.getStage(),
                          i.getLight(),
                          i.getDeadline(),
                          noticed.contains(i.getId())))
              .toList();
        });
  }

  static long count(List<Facts> facts, Predicate<Facts> scope, Bucket bucket) {
    return facts.stream().filter(scope).filter(f -> f.in(bucket)).count();
  }

  static void assertCounts(LightCounts shown, List<Facts> facts, Predicate<Facts> scope) {
    for (Bucket bucket : Bucket.values()) {
      assertThat(shown.count(bucket))
          .as("%s %s", shown.label(), bucket)
          .isEqualTo(count(facts, scope, bucket));
    }
  }

  Map<String, Object> model(String url, String username) throws Exception {
    MvcResult result =
        mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn();
    return result.getModelAndView().getModel();
  }

  @SuppressWarnings("unchecked")
  static List<LightCounts> rows(Map<String, Object> model, String name) {
    return (List<LightCounts>) model.get(name);
  }

  @Test
  void boardNumbersEqualTheCountsComputedDirectlyFromTheItems() throws Exception {
    Map<String, Object> model = model("/board?book=" + bookId, "tleader");
    List<Facts> facts = allFacts();
    Predicate<Facts> inBook = f -> f.book().equals(bookId);
    assertThat(count(facts, inBook, Bucket.ALL)).isEqualTo(27);
    assertThat(count(facts, inBook, Bucket.OVERDUE)).isPositive();
    assertThat(count(facts, inBook, Bucket.NOTICE)).isEqualTo(2);
    assertCounts((LightCounts) model.get("total"), facts, inBook);

    assertThat(rows(model, "departments")).hasSize(3);
    for (LightCounts row : rows(model, "departments")) {
      Long department = Long.valueOf(row.key());
      assertCounts(row, facts, inBook.and(f -> f.department().equals(department)));
    }
    assertThat(rows(model, "leaders")).hasSize(3);
    for (LightCounts row : rows(model, "leaders")) {
      Long leader = Long.valueOf(row.key());
      assertCounts(row, facts, inBook.and(f -> leader.equals(f.leader())));
    }
    assertThat(rows(model, "areas"))
        .extracting(LightCounts::key)
        .containsExactlyInAnyOrder(areaA, areaB);
    for (LightCounts row : rows(model, "areas")) {
      assertCounts(row, facts, inBook.and(f -> row.key().equals(f.area())));
    }
    // worst first: the department with most red items heads its table
    List<LightCounts> departments = rows(model, "departments");
    assertThat(departments.get(0).red())
        .isGreaterThanOrEqualTo(departments.get(departments.size() - 1).red());
  }

  @Test
  void theWholeHospitalCountsEveryIssuedItem() throws Exception {
    Map<String, Object> model = model("/board?year=", "tducha");
    assertThat(((BoardFilter) model.get("filter")).year()).isNull();
    assertCounts((LightCounts) model.get("total"), allFacts(), f -> true);
  }

  @Test
  void theBoardOpensOnTheCurrentYear() throws Exception {
    int year = EngineClock.today().getYear();
    Map<String, Object> model = model("/board", "tleader");
    assertThat(((BoardFilter) model.get("filter")).year()).isEqualTo(year);
    List<Facts> facts = allFacts();
    Set<Long> thisYear =
        transaction.execute(
            status ->
                workItems.findAll().stream()
                    .filter(i -> i.getTaskBook().getYear() == year)
                    .map(WorkItem::getId)
                    .collect(Collectors.toSet()));
    assertCounts((LightCounts) model.get("total"), facts, f -> thisYear.contains(f.id()));
    // a year that is not a number is every year, not an error
    assertThat(((BoardFilter) model("/board?year=abc", "tleader").get("filter")).year()).isNull();
  }

  @Test
  void filtersNarrowEveryNumber() throws Exception {
    Long nursing = hospital.department("tnursing").getId();
    Long incharge = hospital.personId("tincharge");
    int year = EngineClock.today().getYear();
    Map<String, Object> model =
        model(
            "/board?book="
                + bookId
                + "&year="
                + year
                + "&area="
                + areaB
                + "&department="
                + nursing
                + "&leader="
                + incharge,
            "tleader");
    List<Facts> facts = allFacts();
    Predicate<Facts> scope =
        f ->
            f.book().equals(bookId)
                && areaB.equals(f.area())
                && f.department().equals(nursing)
                && incharge.equals(f.leader());
    assertThat(count(facts, scope, Bucket.ALL)).isBetween(1L, 2L);
    assertCounts((LightCounts) model.get("total"), facts, scope);
    assertThat(rows(model, "departments"))
        .extracting(LightCounts::key)
        .containsExactly(nursing.toString());

    Map<String, Object> otherYear =
        model("/board?book=" + bookId + "&year=" + (year - 5), "tleader");
    assertThat(((LightCounts) otherYear.get("total")).total()).isZero();
  }

  @Test
  void everyNumberLinksToExactlyTheItemsBehindIt() throws Exception {
    String html =
        mvc.perform(get("/board?book=" + bookId).with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Long medical = hospital.department("tmedical").getId();
    assertThat(html)
        .contains(
            "/board/items?show=RED&amp;book="
                + bookId
                + "&amp;year="
                + EngineClock.today().getYear()
                + "&amp;department="
                + medical);
    assertThat(html).contains("/board/items?show=OVERDUE&amp;book=" + bookId + "&amp;year=");

    List<Facts> facts = allFacts();
    for (Bucket bucket : Bucket.values()) {
      assertThat(itemIds("/board/items?show=" + bucket + "&book=" + bookId, "tleader"))
          .as("%s", bucket)
          .isEqualTo(ids(facts, f -> f.book().equals(bookId) && f.in(bucket)));
      assertThat(
              itemIds(
                  "/board/items?show=" + bucket + "&book=" + bookId + "&department=" + medical,
                  "tleader"))
          .as("%s of 医务部", bucket)
          .isEqualTo(
              ids(
                  facts,
                  f -> f.book().equals(bookId) && f.department().equals(medical) && f.in(bucket)));
    }
  }

  Set<Long> itemIds(String url, String username) throws Exception {
    return ((List<?>) model(url, username).get("items"))
        .stream().map(r -> ((BoardItemRow) r).id()).collect(Collectors.toSet());
  }

  static Set<Long> ids(List<Facts> facts, Predicate<Facts> which) {
    return facts.stream()
        .filter(which)
        .map(Facts::id)
        .collect(Collectors.toCollection(HashSet::new));
  }

  @Test
  void aDepartmentHeadSeesOnlyTheirDepartmentWhateverTheLinkSays() throws Exception {
    Long nursing = hospital.department("tnursing").getId();
    Long medical = hospital.department("tmedical").getId();
    List<Facts> facts = allFacts();

    Map<String, Object> own = model("/board?book=" + bookId, "tnursehead");
    assertCounts(
        (LightCounts) own.get("total"),
        facts,
        f -> f.book().equals(bookId) && f.department().equals(nursing));
    assertThat(rows(own, "departments"))
        .extracting(LightCounts::key)
        .containsExactly(nursing.toString());

    Map<String, Object> forged =
        model("/board?book=" + bookId + "&department=" + medical, "tnursehead");
    assertThat(forged.get("heldToDepartment")).isEqualTo(true);
    assertCounts(
        (LightCounts) forged.get("total"),
        facts,
        f -> f.book().equals(bookId) && f.department().equals(nursing));

    assertThat(
            itemIds(
                "/board/items?show=ALL&book=" + bookId + "&department=" + medical, "tnursehead"))
        .isEqualTo(ids(facts, f -> f.book().equals(bookId) && f.department().equals(nursing)));
  }

  @Test
  void staffAreRefusedAndStartInTheirInbox() throws Exception {
    mvc.perform(get("/board").with(as("tmedstaff"))).andExpect(status().isForbidden());
    mvc.perform(get("/board/items?show=RED").with(as("tmedstaff")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/").with(as("tmedstaff"))).andExpect(redirectedUrl("/tasks"));
    mvc.perform(get("/").with(as("tleader"))).andExpect(redirectedUrl("/board"));
    mvc.perform(get("/").with(as("tducha"))).andExpect(redirectedUrl("/supervision"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void progressAgainstTimeIsTheDepartmentsCheckInsAgainstTheirExpectedProgress() throws Exception {
    List<BoardProgress.Department> shown =
        (List<BoardProgress.Department>) model("/board?book=" + bookId, "tleader").get("progress");
    // computed item by item: each submitted check-in's percent, and the item's expected progress at
    // its month's end
    Map<String, long[]> direct =
        new java.util.TreeMap<>(); // department|period -> reports, percent, expected
    transaction.executeWithoutResult(
        status -> {
          for (WorkItem item : workItems.findByTaskBookIdOrderByIdAsc(bookId)) {
            for (CheckIn checkIn : checkInRecords.findByWorkItemIdOrderByPeriodDesc(item.getId())) {
              if (checkIn.getStatus() != CheckIn.Status.SUBMITTED) {
                continue;
              }
              LocalDate monthEnd = java.time.YearMonth.parse(checkIn.getPeriod()).atEndOfMonth();
              LocalDate asOf =
                  monthEnd.isAfter(EngineClock.today()) ? EngineClock.today() : monthEnd;
              long[] sum =
                  direct.computeIfAbsent(
                      item.getLeadDepartment().getId() + "|" + checkIn.getPeriod(),
                      k -> new long[3]);
              sum[0]++;
              sum[1] += checkIn.getPercentDone();
              // 序时进度 runs from the item's own start (its issue day here), not the book's
              sum[2] +=
                  LightFactsCalculator.expectedProgress(
                      item.startOfWork(), item.getDeadline(), asOf);
            }
          }
        });
    assertThat(direct).hasSize(4); // 医务部 and 护理部, two months each
    Map<String, long[]> board = new java.util.TreeMap<>();
    for (BoardProgress.Department department : shown) {
      for (BoardProgress.Month month : department.months()) {
        board.put(
            department.key() + "|" + month.period(),
            new long[] {month.reports(), month.actual(), month.expected()});
      }
    }
    assertThat(board.keySet()).isEqualTo(direct.keySet());
    direct.forEach(
        (key, sum) -> {
          long[] got = board.get(key);
          assertThat(got[0]).as("reports %s", key).isEqualTo(sum[0]);
          assertThat(got[1]).as("actual %s", key).isEqualTo(Math.round(sum[1] / (double) sum[0]));
          assertThat(got[2]).as("expected %s", key).isEqualTo(Math.round(sum[2] / (double) sum[0]));
        });
    // furthest behind first: the department that never reported (信息中心's items have no check-in),
    // then by gap
    assertThat(shown.get(0).key()).isEqualTo(hospital.department("tit").getId().toString());
    assertThat(shown.get(0).reported()).isFalse();
    List<BoardProgress.Department> reporting = shown.subList(1, shown.size());
    assertThat(reporting).allMatch(BoardProgress.Department::reported);
    for (int i = 1; i < reporting.size(); i++) {
      assertThat(reporting.get(i - 1).latest().gap())
          .isLessThanOrEqualTo(reporting.get(i).latest().gap());
    }
  }

  @Test
  void theChartsDataCarriesTheSameNumbersLinksAndIndicators() throws Exception {
    List<Facts> facts = allFacts();
    Long medical = hospital.department("tmedical").getId();
    Predicate<Facts> inBook = f -> f.book().equals(bookId);
    mvc.perform(get("/board/data?book=" + bookId).with(as("tleader")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/json"))
        .andExpect(jsonPath("$.total.counts.RED").value(count(facts, inBook, Bucket.RED)))
        .andExpect(jsonPath("$.total.counts.CLOSED").value(count(facts, inBook, Bucket.CLOSED)))
        .andExpect(
            jsonPath("$.total.links.RED").value("/board/items?show=RED&book=" + bookId + "&year="))
        .andExpect(jsonPath("$.departments.length()").value(3))
        .andExpect(
            jsonPath("$.departments[?(@.key == '" + medical + "')].counts.ALL")
                .value(
                    (int)
                        count(facts, inBook.and(f -> f.department().equals(medical)), Bucket.ALL)))
        .andExpect(
            jsonPath("$.progress.length()").value(3)) // two that reported, and one that never did
        .andExpect(jsonPath("$.indicators.length()").value(BoardProgress.INDICATOR_LIMIT))
        .andExpect(jsonPath("$.indicators[0].target").value(6.5))
        .andExpect(jsonPath("$.labels['chart.expected']").value("序时进度"));
    // red items' indicators first, each with the readings of its check-ins
    String json =
        mvc.perform(
                get("/board/data?book=" + bookId + "&department=" + medical).with(as("tleader")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(com.jayway.jsonpath.JsonPath.<List<Object>>read(json, "$.indicators[0].periods"))
        .hasSize(2);
    // a department head's data is their department's, whatever the link says
    Long nursing = hospital.department("tnursing").getId();
    mvc.perform(get("/board/data?book=" + bookId + "&department=" + medical).with(as("tnursehead")))
        .andExpect(
            jsonPath("$.total.counts.ALL")
                .value(
                    (int)
                        count(facts, inBook.and(f -> f.department().equals(nursing)), Bucket.ALL)))
        .andExpect(jsonPath("$.departments.length()").value(1));
    mvc.perform(get("/board/data").with(as("tmedstaff"))).andExpect(status().isForbidden());
  }

  @Test
  void theChartsComeFromTheEchartsWebjarAndTheBoardScriptNotInline() throws Exception {
    String html =
        mvc.perform(get("/board").with(as("tleader")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
        .contains("/js/board.js")
        .doesNotContain("<script>")
        .doesNotContain("??");
    mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js").with(as("tleader")))
        .andExpect(status().isOk());
    mvc.perform(get("/js/board.js")).andExpect(status().isOk());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theItemsBehindANumberSayWhyTheyAreBehindInTheDepartmentsWords() throws Exception {
    Map<String, Object> model = model("/board/items?show=RED&book=" + bookId, "tleader");
    assertThat((Map<Long, String>) model.get("obstacles")).containsEntry(firstItemId, "信息系统改造滞后");
    String html =
        mvc.perform(get("/board/items?show=RED&book=" + bookId).with(as("tleader")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("制约问题：信息系统改造滞后").contains("进度滞后");
  }
}
