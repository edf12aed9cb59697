package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditLog;
import org.duban.audit.AuditSearch;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * The whole assessment in the running app, through the services and task forms the pages use: open
 * with weights, scores from the items' data by the deployed DMN, one appeal that a leader decides
 * by changing a score, a refused second appeal, publication; each step audited.
 */
@RunningAppTest
class AssessmentFlowTest {

  @Autowired TestHospital hospital;
  @Autowired AssessmentBooks books;
  @Autowired AssessmentService service;
  @Autowired AssessmentResults results;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired AuditLog auditLog;
  @Autowired MessageSource messages;

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

  @Test
  void staffAndDepartmentHeadsCannotOpenAnAssessment() {
    AssessmentBooks.Book book = books.issued("考核权限任务书", EngineClock.today().getYear());
    Map<Long, Integer> weights = Map.of(book.partyArea(), 40, book.medicalArea(), 60);

    assertThatThrownBy(() -> service.open(book.bookId(), weights, hospital.user("tmedstaff")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> service.open(book.bookId(), weights, hospital.user("tmedhead")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void badWeightsAreRefusedInChineseAndNothingIsOpened() {
    AssessmentBooks.Book book = books.issued("考核权重任务书", EngineClock.today().getYear());

    assertThatThrownBy(
            () ->
                service.open(
                    book.bookId(),
                    Map.of(book.partyArea(), 20, book.medicalArea(), 80),
                    hospital.user("tducha")))
        .isInstanceOfSatisfying(
            UserError.class, e -> assertThat(chinese(e)).isEqualTo("党建类目标领域（党建引领）的权重合计不得低于30%"));
    assertThatThrownBy(
            () ->
                service.open(
                    book.bookId(),
                    Map.of(book.partyArea(), 40, book.medicalArea(), 50),
                    hospital.user("tducha")))
        .isInstanceOfSatisfying(
            UserError.class, e -> assertThat(chinese(e)).isEqualTo("各目标领域权重之和须为100%，现为90%"));
    assertThat(service.assessableBooks()).extracting(b -> b.getId()).contains(book.bookId());
  }

  @Test
  void anAppealDecidedByTheLeaderChangesTheScoreAndASecondAppealIsRefused() {
    AssessmentBooks.Book book = books.issued("考核申诉任务书", EngineClock.today().getYear());

    // When the office opens the assessment
    Assessment assessment = open(book);

    // Then every item is scored by the rules: none closed, no readings of their indicators
    AssessmentResults.Overview overview = results.overview(assessment.getId());
    AssessmentResults.DepartmentResult medical = overview.department(dept("tmedical"));
    assertThat(medical.items()).hasSize(2);
    assertThat(medical.items())
        .allSatisfy(
            i -> {
              assertThat(i.completion()).isEqualTo("OPEN");
              assertThat(i.originalScore()).isEqualByComparingTo("0");
              assertThat(i.reasons()).isEqualTo("考核时仍未完成（+0）；指标无读数（未填报实际值），事项未完成不计指标分（+0）");
            });
    assertThat(overview.department(dept("tnursing")).items()).hasSize(1);

    // When the medical department appeals about its party-building item
    Task review = books.review(assessment, "tmedical");
    workTasks.complete(
        review.getId(),
        Map.of(
            "assessmentResponse",
            "appeal",
            "appealItem",
            book.medicalPartyItem().toString(),
            "appealReason",
            "党建工作已按期完成，材料已报党办"),
        hospital.user("tmedhead"));
    // and the nursing department accepts
    workTasks.complete(
        books.review(assessment, "tnursing").getId(),
        Map.of("assessmentResponse", "accept"),
        hospital.user("tnursehead"));

    // Then a second appeal is refused with a Chinese message
    assertThatThrownBy(
            () ->
                service.appeal(
                    assessment.getId(), dept("tmedical"), null, "再次申诉", hospital.user("tmedhead")))
        .isInstanceOfSatisfying(
            UserError.class, e -> assertThat(chinese(e)).isEqualTo("每次考核每个科室只能申诉一次，本科室已提出过申诉"));

    // And the leader in charge decides: the item's score is changed with a reason
    Task decide = books.task(assessment.getProcessInstanceId(), "decideAppeal");
    assertThat(taskService.getIdentityLinksForTask(decide.getId()))
        .anySatisfy(l -> assertThat(l.getUserId()).isEqualTo("tincharge"));
    assertThatThrownBy(
            () ->
                workTasks.complete(
                    decide.getId(),
                    Map.of(
                        "appealDecision",
                        "change",
                        "changedItem",
                        book.medicalPartyItem().toString(),
                        "newScore",
                        new BigDecimal("120"),
                        "decisionReason",
                        "核实"),
                    hospital.user("tincharge")))
        .isInstanceOfSatisfying(
            UserError.class, e -> assertThat(e.key()).isEqualTo("assessment.decision.scoreRange"));
    workTasks.complete(
        decide.getId(),
        Map.of(
            "appealDecision",
            "change",
            "changedItem",
            book.medicalPartyItem().toString(),
            "newScore",
            new BigDecimal("90"),
            "decisionReason",
            "经核实党建工作已完成"),
        hospital.user("tincharge"));

    overview = results.overview(assessment.getId());
    medical = overview.department(dept("tmedical"));
    AssessmentResults.ItemRow changed =
        medical.items().stream()
            .filter(i -> i.workItemId().equals(book.medicalPartyItem()))
            .findFirst()
            .orElseThrow();
    assertThat(changed.originalScore()).isEqualByComparingTo("0");
    assertThat(changed.finalScore()).isEqualByComparingTo("90");
    assertThat(changed.changeReason()).isEqualTo("经核实党建工作已完成");
    // department: party building 90 weighs 40, medical 0 weighs 60
    assertThat(medical.score()).isEqualByComparingTo("36.00");
    assertThat(medical.appeal().getDecidedBy()).isEqualTo("tincharge");
    assertThat(medical.appeal().getDecision()).isEqualTo("change");
    // the leader in charge of all three items: party 90, medical mean 0
    assertThat(overview.leaders())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.name()).isEqualTo("测试分管院长");
              assertThat(l.score()).isEqualByComparingTo("36.00");
              assertThat(l.itemCount()).isEqualTo(3);
            });

    // When the office publishes
    workTasks.complete(
        books.task(assessment.getProcessInstanceId(), "publishResults").getId(),
        Map.of("publishComment", "经院长办公会审定"),
        hospital.user("tducha"));

    // Then the assessment is published and its process ended
    assertThat(results.assessment(assessment.getId()).isPublished()).isTrue();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(assessment.getProcessInstanceId())
                .singleResult()
                .getEndTime())
        .isNotNull();
    // and every step is in the audit log
    List<String> actions =
        auditLog
            .search(
                new AuditSearch(
                    null, null, "assessment", assessment.getId().toString(), null, null, null),
                0,
                50)
            .getContent()
            .stream()
            .map(AuditEvent::getAction)
            .toList();
    assertThat(actions)
        .containsExactly(
            "assessment.publish",
            "assessment.appeal.decide",
            "assessment.appeal",
            "assessment.open");
  }

  String chinese(UserError e) {
    return messages.getMessage(e.key(), e.args(), Locale.SIMPLIFIED_CHINESE);
  }
}
