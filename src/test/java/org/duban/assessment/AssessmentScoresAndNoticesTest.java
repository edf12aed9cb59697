package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15 point 15: an item without indicator readings is scored from its completion report or
 * shown as 无读数, never as a missed target; an unfinished item never gets the full indicator points;
 * equal scores share a rank; every step of the assessment reaches the people concerned in their
 * inbox.
 */
@RunningAppTest
class AssessmentScoresAndNoticesTest {

  @Autowired TestHospital hospital;
  @Autowired AssessmentBooks books;
  @Autowired AssessmentService service;
  @Autowired AssessmentResults results;
  @Autowired WorkTasks workTasks;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  Long dept(String code) {
    return hospital.department(code).getId();
  }

  Assessment open(AssessmentBooks.Book book) {
    return service.open(
        book.bookId(),
        Map.of(book.partyArea(), 40, book.medicalArea(), 60),
        hospital.user("tducha"));
  }

  AssessmentResults.ItemRow row(AssessmentResults.Overview overview, Long itemId) {
    return overview.departments().stream()
        .flatMap(d -> d.items().stream())
        .filter(i -> i.workItemId().equals(itemId))
        .findFirst()
        .orElseThrow();
  }

  /** Titles of the assessment's messages in the person's inbox. */
  List<String> inbox(String username, Assessment assessment) {
    return jdbc.queryForList(
        "select m.title from inbox_entry e join notification_message m on m.id = e.message_id"
            + " where e.recipient = ? and m.kind = 'ASSESSMENT' and m.event_key like ? order by e.id",
        String.class,
        username,
        "assessment-" + assessment.getId() + "-%");
  }

  @Test
  void anItemWithoutReadingsIsScoredFromItsCompletionReportOrShownAsNoReadings() {
    AssessmentBooks.Book book = books.issued("无读数考核任务书", EngineClock.today().getYear());
    // the party item closed on time after its completion report was accepted; none of the items has
    // a reading
    LocalDate deadline =
        jdbc.queryForObject(
            "select deadline from work_item where id = ?",
            LocalDate.class,
            book.medicalPartyItem());
    jdbc.update(
        "update work_item set stage = 'CLOSED', closed_at = ? where id = ?",
        deadline.minusDays(1).atTime(10, 0),
        book.medicalPartyItem());

    AssessmentResults.Overview overview = results.overview(open(book).getId());

    AssessmentResults.ItemRow closed = row(overview, book.medicalPartyItem());
    assertThat(closed.indicatorAttainment()).isEqualTo(ItemFacts.NO_READINGS);
    assertThat(closed.finalScore()).isEqualByComparingTo("100");
    assertThat(closed.reasons()).contains("指标无读数，按验收通过的完成报告计指标分（+40）").doesNotContain("达成率不足60%");
    AssessmentResults.ItemRow open = row(overview, book.medicalItem());
    assertThat(open.finalScore()).isEqualByComparingTo("0");
    assertThat(open.reasons()).contains("无读数").doesNotContain("达成率不足60%");
  }

  @Test
  void departmentsWithEqualScoresShareARank() {
    AssessmentBooks.Book book = books.issued("并列名次考核任务书", EngineClock.today().getYear());

    // none of the three items is finished: both departments score 0
    AssessmentResults.Overview overview = results.overview(open(book).getId());

    assertThat(overview.department(dept("tmedical")).score()).isEqualByComparingTo("0");
    assertThat(overview.department(dept("tnursing")).score()).isEqualByComparingTo("0");
    assertThat(overview.departments())
        .extracting(AssessmentResults.DepartmentResult::rank)
        .containsExactly(1, 1);
    assertThat(overview.leaders())
        .extracting(AssessmentResults.LeaderResult::rank)
        .containsExactly(1);
  }

  @Test
  void everyStepOfTheAssessmentReachesThePeopleConcernedInTheirInbox() {
    AssessmentBooks.Book book = books.issued("考核通知任务书", EngineClock.today().getYear());

    // When the office opens the assessment, Then each lead department is asked to review its scores
    Assessment assessment = open(book);
    assertThat(inbox("tmedhead", assessment)).containsExactly("【年终考核】请确认本科室考核得分：考核通知任务书");
    assertThat(inbox("tnursehead", assessment)).containsExactly("【年终考核】请确认本科室考核得分：考核通知任务书");
    assertThat(inbox("tincharge", assessment)).isEmpty();

    // When the medical department appeals, Then the leader in charge is asked to decide
    workTasks.complete(
        books.review(assessment, "tmedical").getId(),
        Map.of(
            "assessmentResponse",
            "appeal",
            "appealItem",
            book.medicalItem().toString(),
            "appealReason",
            "住院日数据统计口径有误"),
        hospital.user("tmedhead"));
    workTasks.complete(
        books.review(assessment, "tnursing").getId(),
        Map.of("assessmentResponse", "accept"),
        hospital.user("tnursehead"));
    assertThat(inbox("tincharge", assessment)).containsExactly("【年终考核】测试医务部对考核得分提出申诉，请裁决");

    // When the leader decides, Then the medical department hears the decision, the nursing
    // department nothing more
    workTasks.complete(
        books.task(assessment.getProcessInstanceId(), "decideAppeal").getId(),
        Map.of(
            "appealDecision",
            "change",
            "changedItem",
            book.medicalItem().toString(),
            "newScore",
            new BigDecimal("75"),
            "decisionReason",
            "统计口径已核实"),
        hospital.user("tincharge"));
    assertThat(inbox("tmedhead", assessment)).last().isEqualTo("【年终考核】申诉已裁决：调整得分为75分");
    assertThat(inbox("tnursehead", assessment)).hasSize(1);

    // When the office publishes, Then both departments and the leader in charge are told
    workTasks.complete(
        books.task(assessment.getProcessInstanceId(), "publishResults").getId(),
        Map.of("publishComment", "经院长办公会审定"),
        hospital.user("tducha"));
    assertThat(inbox("tmedhead", assessment)).last().isEqualTo("【年终考核】考核结果已发布：考核通知任务书");
    assertThat(inbox("tnursehead", assessment)).last().isEqualTo("【年终考核】考核结果已发布：考核通知任务书");
    assertThat(inbox("tincharge", assessment)).last().isEqualTo("【年终考核】考核结果已发布：考核通知任务书");
    // each message links to the page where the person acts
    assertThat(
            jdbc.queryForList(
                "select link from notification_message where event_key = ?",
                String.class,
                "assessment-" + assessment.getId() + "-review-" + dept("tmedical")))
        .containsExactly("/assessments/" + assessment.getId() + "/departments/" + dept("tmedical"));
  }
}
