package org.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.book.ItemStates;
import org.duban.book.Light;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemFormData;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.duban.ladder.EscalationLadder;
import org.duban.ladder.SupervisionNotice;
import org.duban.ladder.SupervisionNoticeRepository;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.report.ReportContent.DepartmentLights;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly report from real records: a department of its own with items in every light, a notice
 * issued in the week, one signed off in it and one overdue; the engine clock is set to a week in
 * 2021, before anything other tests write, so the week holds only what this test made.
 */
@RunningAppTest
class SupervisionReportContentTest {

  /** Monday to Sunday, the week reported on. */
  static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);

  static final LocalDate SUNDAY = LocalDate.of(2021, 3, 14);

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired TaskBookService taskBooks;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired DepartmentRepository departments;
  @Autowired PersonRepository people;
  @Autowired WorkItemRepository workItems;
  @Autowired JdbcTemplate jdbc;
  @Autowired EscalationLadder ladder;
  @Autowired SupervisionNoticeRepository notices;
  @Autowired SupervisionReports reports;
  @Autowired SupervisionReportRepository reportRows;
  @Autowired PlatformTransactionManager transactionManager;

  Department department;
  String departmentName;

  @BeforeEach
  void ownDepartment() {
    hospital.ensure();
    String code = "trep" + Long.toString(System.nanoTime() % 1_000_000, 36);
    departmentName = "测试通报科" + code;
    department =
        departments.save(new Department(code, departmentName, null, DepartmentKind.FUNCTIONAL));
    // someone who could act for it: issuing to a department with nobody in it is refused
    people.save(
        new Person(
            code + "head",
            departmentName + "主任",
            null,
            "-",
            department,
            EnumSet.of(Role.DEPT_HEAD)));
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void reportCountsLightsPerDepartmentAndListsTheWeeksNoticesSignOffsAndOverdueRectifications() {
    // Given, the Monday before the week, five issued items of the department, one escalated with a
    // notice whose deadline (5 March) passes without a plan
    clock(LocalDateTime.of(2021, 3, 1, 9, 0));
    List<IssuedItem> items = issuedItems("灯情", 5);
    IssuedItem overdue = items.get(0);
    IssuedItem signedOff = items.get(1);
    light(overdue, Light.RED);
    light(signedOff, Light.RED);
    light(items.get(2), Light.YELLOW);
    light(items.get(3), Light.GREEN);
    long late = escalation(overdue, at(2021, 3, 1, 9), null, "OPEN");
    notice(late, overdue, 9001, "三日内提交整改方案", LocalDate.of(2021, 3, 5), at(2021, 3, 1, 10));
    rectification(late, "AWAITING_PLAN", null, null, null);

    // And in the week, a notice is issued for another item, whose rectification is signed off two
    // days later, and an escalation of an earlier week is dismissed
    long done = escalation(signedOff, at(2021, 3, 9, 9), at(2021, 3, 11, 15), "SIGNED_OFF");
    notice(done, signedOff, 9002, "立即整改", LocalDate.of(2021, 3, 20), at(2021, 3, 9, 10));
    rectification(done, "SIGNED_OFF", LocalDate.of(2021, 3, 12), "tducha", at(2021, 3, 11, 15));
    escalation(items.get(2), at(2021, 3, 2, 9), at(2021, 3, 10, 9), "DISMISSED");

    // When the Monday timer publishes the week just over
    clock(LocalDateTime.of(2021, 3, 15, 10, 0));
    int lastSeq = reportRows.lastSeqOf(2021);
    SupervisionReport report = reports.publishLastWeek("system");

    // Then it is the next number of 2021, final, for Monday 8 to Sunday 14 March
    assertThat(report.number()).isEqualTo("督查通报〔2021〕第" + (lastSeq + 1) + "期");
    assertThat(report.getWeekStart()).isEqualTo(MONDAY);
    assertThat(report.getWeekEnd()).isEqualTo(SUNDAY);
    assertThat(report.isFinalEdition()).isTrue();
    ReportContent content = reports.get(report.getId()).content();

    // And the department's open items are counted by light
    assertThat(mine(content)).containsExactly(new DepartmentLights(departmentName, 2, 1, 1, 1));

    // And only the notice issued in the week is new
    assertThat(content.newNotices())
        .filteredOn(n -> n.department().equals(departmentName))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.number()).isEqualTo("督〔2021〕9002号");
              assertThat(n.itemId()).isEqualTo(signedOff.itemId());
              assertThat(n.item()).isEqualTo("2. 灯情2");
              assertThat(n.deadline()).isEqualTo(LocalDate.of(2021, 3, 20));
              assertThat(n.level()).isEqualTo("YELLOW");
            });

    // And its escalation closed and its rectification was signed off in the week
    assertThat(content.closed())
        .filteredOn(c -> c.department().equals(departmentName))
        .extracting(c -> c.itemId(), c -> c.outcome(), c -> c.notices())
        .containsExactly(
            tuple(items.get(2).itemId(), "DISMISSED", ""),
            tuple(signedOff.itemId(), "SIGNED_OFF", "督〔2021〕9002号"));
    assertThat(content.signedOff())
        .filteredOn(s -> s.department().equals(departmentName))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.itemId()).isEqualTo(signedOff.itemId());
              assertThat(s.signedOffBy()).isEqualTo("tducha");
              assertThat(s.signedOffAt()).isEqualTo(LocalDateTime.of(2021, 3, 11, 15, 0));
            });

    // And the rectification without a plan is overdue since 5 March, nine days by Sunday
    assertThat(content.overdue())
        .filteredOn(o -> o.department().equals(departmentName))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.itemId()).isEqualTo(overdue.itemId());
              assertThat(o.deadline()).isEqualTo(LocalDate.of(2021, 3, 5));
              assertThat(o.daysOverdue()).isEqualTo(9);
              assertThat(o.status()).isEqualTo("AWAITING_PLAN");
            });
    assertThat(content.cutoff()).isEqualTo(SUNDAY);

    // When the lights change and the week is published again (a job run twice, or by hand)
    clock(LocalDateTime.of(2021, 3, 16, 9, 0));
    light(items.get(3), Light.RED);
    SupervisionReport again = reports.publishWeekOf(LocalDate.of(2021, 3, 10), "tducha");

    // Then the final report stays as it was: same report, same number, same figures
    assertThat(again.getId()).isEqualTo(report.getId());
    assertThat(again.number()).isEqualTo(report.number());
    assertThat(mine(reports.get(report.getId()).content()))
        .containsExactly(new DepartmentLights(departmentName, 2, 1, 1, 1));
    assertThat(reportRows.findAll()).filteredOn(r -> r.getWeekStart().equals(MONDAY)).hasSize(1);
  }

  @Test
  void aNoticeIssuedOnTheLadderIsInThatWeeksReportAndOverdueWhenItsDeadlinePassesWithoutAPlan() {
    // Given an item that a sweep puts on the ladder with a blue reminder on Monday 12 April 2021
    clock(LocalDateTime.of(2021, 4, 12, 8, 30));
    IssuedItem item = issuedItems("阶梯", 1).get(0);
    light(item, Light.YELLOW);
    assertThat(ladder.onWeeklyLight(item.itemId(), Light.YELLOW)).isTrue();

    // When the next sweep finds it red and the office issues a notice due on Friday 23 April
    clock(LocalDateTime.of(2021, 4, 19, 8, 30));
    light(item, Light.RED);
    ladder.onWeeklyLight(item.itemId(), Light.RED);
    clock(LocalDateTime.of(2021, 4, 19, 11, 0));
    workTasks.complete(
        fixture.openTask(item, "triageEscalation").getId(),
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "请于23日前提交整改方案",
            "noticeDeadline",
            LocalDate.of(2021, 4, 23)),
        hospital.user("tducha"));
    SupervisionNotice notice = notices.findByWorkItemIdOrderByIssuedAtAsc(item.itemId()).get(0);

    // And the Monday timer publishes that week, no plan having come
    clock(LocalDateTime.of(2021, 4, 26, 10, 0));
    ReportContent content = reports.get(reports.publishLastWeek("system").getId()).content();

    // Then the notice is the week's new notice, yellow, and its rectification is two days overdue
    // by Sunday
    assertThat(content.newNotices())
        .filteredOn(n -> n.department().equals(departmentName))
        .extracting(n -> n.number(), n -> n.level(), n -> n.deadline())
        .containsExactly(tuple(notice.number(), "YELLOW", LocalDate.of(2021, 4, 23)));
    assertThat(content.overdue())
        .filteredOn(o -> o.department().equals(departmentName))
        .extracting(o -> o.number(), o -> o.daysOverdue(), o -> o.status())
        .containsExactly(tuple(notice.number(), 2L, "AWAITING_PLAN"));
    assertThat(mine(content)).containsExactly(new DepartmentLights(departmentName, 1, 0, 0, 0));
  }

  @Test
  void aReportOfTheRunningWeekIsPreliminaryAndRefreshedInPlaceUntilTheWeekIsOver() {
    // Given an item of the department, yellow, on Wednesday 17 March 2021
    clock(LocalDateTime.of(2021, 3, 17, 11, 0));
    IssuedItem item = issuedItems("阶段", 1).get(0);
    light(item, Light.YELLOW);

    // When the office generates this week's report half an hour later
    clock(LocalDateTime.of(2021, 3, 17, 11, 30));
    SupervisionReport preliminary = reports.publishWeekOf(EngineClock.today(), "tducha");

    // Then it is preliminary, for 15 to 21 March, counting up to today
    assertThat(preliminary.isFinalEdition()).isFalse();
    assertThat(preliminary.getWeekStart()).isEqualTo(LocalDate.of(2021, 3, 15));
    assertThat(reports.get(preliminary.getId()).content().cutoff())
        .isEqualTo(LocalDate.of(2021, 3, 17));
    assertThat(mine(reports.get(preliminary.getId()).content()))
        .containsExactly(new DepartmentLights(departmentName, 0, 1, 0, 0));

    // When the item turns red and the office generates the week again on Friday
    clock(LocalDateTime.of(2021, 3, 19, 16, 0));
    light(item, Light.RED);
    SupervisionReport refreshed = reports.publishWeekOf(EngineClock.today(), "tducha");

    // Then the same report, with its number, shows the new light
    assertThat(refreshed.getId()).isEqualTo(preliminary.getId());
    assertThat(refreshed.number()).isEqualTo(preliminary.number());
    assertThat(mine(reports.get(preliminary.getId()).content()))
        .containsExactly(new DepartmentLights(departmentName, 1, 0, 0, 0));

    // When the Monday timer publishes the week just over
    clock(LocalDateTime.of(2021, 3, 22, 10, 0));
    SupervisionReport published = reports.publishLastWeek("system");

    // Then it is that report again, now final
    assertThat(published.getId()).isEqualTo(preliminary.getId());
    assertThat(published.number()).isEqualTo(preliminary.number());
    assertThat(published.isFinalEdition()).isTrue();
    assertThat(published.getGeneratedBy()).isEqualTo("system");
  }

  @Test
  void aWeekThatHasNotBegunIsRefusedAndNothingIsWritten() {
    // Given Wednesday 24 March 2021
    clock(LocalDateTime.of(2021, 3, 24, 9, 0));
    long before = reportRows.count();

    // When a report is asked for the next week or without a week, Then it is refused with a reason
    assertThatThrownBy(() -> reports.publishWeekOf(LocalDate.of(2021, 3, 29), "tducha"))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).key())
        .isEqualTo("report.week.future");
    assertThatThrownBy(() -> reports.publishWeekOf(null, "tducha"))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).key())
        .isEqualTo("report.week.required");

    // And no report was written
    assertThat(reportRows.count()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ helpers

  private static LocalDateTime at(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0);
  }

  /*
   * Escalations, notices and rectifications are written as rows, the way the escalation process
   * leaves them: the report reads the tables, whichever ladder step wrote them.
   */
  private long escalation(
      IssuedItem item, LocalDateTime openedAt, LocalDateTime closedAt, String status) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into escalation (work_item_id, open_item_id, status, reason, opened_at, closed_at)"
                      + " values (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setLong(1, item.itemId());
          insert.setObject(2, closedAt == null ? item.itemId() : null);
          insert.setString(3, status);
          insert.setString(4, "进度落后");
          insert.setObject(5, openedAt);
          insert.setObject(6, closedAt);
          return insert;
        },
        key);
    return key.getKey().longValue();
  }

  private void notice(
      long escalation,
      IssuedItem item,
      int seq,
      String requirement,
      LocalDate deadline,
      LocalDateTime issuedAt) {
    jdbc.update(
        "insert into supervision_notice (escalation_id, work_item_id, department_id, notice_year, seq,"
            + " requirement, deadline, issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        escalation,
        item.itemId(),
        department.getId(),
        issuedAt.getYear(),
        seq,
        requirement,
        deadline,
        "tducha",
        issuedAt);
  }

  private void rectification(
      long escalation,
      String status,
      LocalDate deadline,
      String signedOffBy,
      LocalDateTime signedOffAt) {
    jdbc.update(
        "insert into rectification (escalation_id, status, deadline, signed_off_by, signed_off_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        escalation,
        status,
        deadline,
        signedOffBy,
        signedOffAt,
        EngineClock.now());
  }

  private List<DepartmentLights> mine(ReportContent content) {
    return content.departments().stream()
        .filter(d -> d.department().equals(departmentName))
        .toList();
  }

  private static void clock(LocalDateTime time) {
    TestClock.at(time);
  }

  /**
   * A book of this department with {@code count} items, submitted and approved: the items are
   * issued.
   */
  private List<IssuedItem> issuedItems(String title, int count) {
    TaskBook book = fixture.draft(title + "任务书" + departmentName);
    List<WorkItem> added = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      WorkItemFormData data = fixture.itemForm(book, String.valueOf(i), title + i);
      data.setLeadDepartmentId(department.getId());
      data.setCollaboratorIds(List.of());
      added.add(taskBooks.addItem(book.getId(), data, hospital.user(IssuedItemFixture.ISSUER)));
    }
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        bookTask(instance, "draftTaskBook"), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        bookTask(instance, "reviewTaskBook"),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));
    return added.stream().map(item -> new IssuedItem(book.getId(), item.getId())).toList();
  }

  private String bookTask(String instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }

  /** Lights are the weekly sweep's to set; the test sets them as a sweep would have. */
  private void light(IssuedItem item, Light light) {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status ->
                ItemStates.lit(
                    workItems.findById(item.itemId()).orElseThrow(),
                    light,
                    "测试设定",
                    EngineClock.now()));
  }
}
