package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditLog;
import org.duban.audit.AuditSearch;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Issue 15 point 9: a department that does not answer its score review by the deadline and the
 * grace after it counts as accepting its score; publication goes on, and the publish step and its
 * record say so.
 */
@RunningAppTest
class UnansweredScoreReviewTest {

  @Autowired TestHospital hospital;
  @Autowired AssessmentBooks books;
  @Autowired AssessmentService service;
  @Autowired AssessmentResults results;
  @Autowired AssessmentTasks assessmentTasks;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired AuditLog auditLog;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
  }

  @AfterEach
  void reset() {
    TestClock.reset();
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void anUnansweredReviewCountsAsAcceptedAndThePublicationSaysSo() {
    AssessmentBooks.Book book = books.issued("逾期未确认考核任务书", EngineClock.today().getYear());
    Assessment assessment =
        service.open(
            book.bookId(),
            Map.of(book.partyArea(), 40, book.medicalArea(), 60),
            hospital.user("tducha"));
    Long nursing = hospital.department("tnursing").getId();
    String nursingName = results.overview(assessment.getId()).department(nursing).name();

    // The medical department accepts; nursing never answers
    workTasks.complete(
        books.review(assessment, "tmedical").getId(),
        Map.of("assessmentResponse", "accept"),
        hospital.user("tmedhead"));
    Task unanswered = books.review(assessment, "tnursing");
    assertThat(unanswered.getDueDate()).as("the review has a deadline").isNotNull();

    // When its review's grace has passed
    Job closes =
        managementService
            .createJobQuery()
            .processInstanceId(assessment.getProcessInstanceId())
            .activityId("reviewUnanswered")
            .singleResult();
    assertThat(closes).isNotNull();
    TestClock.at(new Date(closes.getDuedate().getTime() + 60_000));
    managementService.executeJob(closes.getId());

    // Then the office may publish, and the publish step names the department counted as accepting
    Task publish = books.task(assessment.getProcessInstanceId(), "publishResults");
    Object note = assessmentTasks.prefill(publish, null).get("reviewNote");
    assertThat(note).asString().contains(nursingName).contains("视为无异议");

    workTasks.complete(publish.getId(), Map.of("publishComment", "按期发布"), hospital.user("tducha"));

    assertThat(results.assessment(assessment.getId()).isPublished()).isTrue();
    List<AuditEvent> events =
        auditLog
            .search(
                new AuditSearch(
                    null, null, "assessment", assessment.getId().toString(), null, null, null),
                0,
                50)
            .getContent();
    assertThat(events)
        .extracting(AuditEvent::getAction)
        .contains("assessment.review.deemedAccepted");
    assertThat(events)
        .filteredOn(e -> e.getAction().equals("assessment.publish"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getAfter())
                    .contains("unansweredReviewsCountedAsAccepted")
                    .contains(nursingName));
  }
}
