package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.task.TaskForms;
import org.duban.task.TaskNotAllowed;
import org.duban.task.TaskRow;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing a responsibility book on a real engine and database, through the same service calls the
 * task pages make: only the responsible party signs, a question goes to the issuer and back, and
 * the book records who signed and when.
 */
@RunningAppTest
class TaskBookSigningTest {

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired TaskBookService taskBooks;
  @Autowired TaskBookRepository books;
  @Autowired WorkTasks workTasks;
  @Autowired TaskForms taskForms;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ItemHistory history;

  @BeforeEach
  void hospital() {
    hospital.ensure();
  }

  @Test
  void departmentHeadSignsTheDepartmentBookAfterTheIssuerAnswersHisQuestion() {
    // Given an issued department book of 测试医务部
    IssuedItem issued = fixture.issuedDepartmentBook("测试医务部目标责任书");
    Task sign = fixture.openBookTask(issued, "signTaskBook");
    assertThat(taskService.getIdentityLinksForTask(sign.getId()))
        .extracting(link -> link.getGroupId())
        .containsExactly("dept_tmedical");
    assertThat(workTasks.inbox(hospital.user("tmedhead")))
        .extracting(TaskRow::id)
        .contains(sign.getId());

    // When a staff member of the department tries to sign or to ask, Then it is refused (signing is
    // the
    // head's or a deputy's step, TaskAccess) and nothing changes
    assertThat(workTasks.inbox(hospital.user("tmedstaff")))
        .extracting(TaskRow::id)
        .doesNotContain(sign.getId());
    for (Map<String, Object> values :
        List.<Map<String, Object>>of(
            Map.of("signDecision", "sign"),
            Map.of("signDecision", "question", "question", "为什么是我们？"))) {
      assertThatThrownBy(() -> workTasks.complete(sign.getId(), values, hospital.user("tmedstaff")))
          .isInstanceOfSatisfying(
              TaskNotAllowed.class,
              refused -> assertThat(refused.messageKey()).isEqualTo("task.notAllowed.leadersOnly"));
    }
    assertThat(fixture.openBookTask(issued, "signTaskBook").getAssignee()).isNull();
    assertThat(book(issued).getSignedBy()).isNull();

    // When the head asks a question without writing it, Then the question is required
    assertThatThrownBy(
            () ->
                workTasks.complete(
                    sign.getId(), Map.of("signDecision", "question"), hospital.user("tmedhead")))
        .isInstanceOfSatisfying(
            UserError.class,
            rejected -> {
              assertThat(rejected.field()).isEqualTo("question");
              assertThat(rejected.key()).isEqualTo("decision.reasonRequired");
            });

    // When the head returns the book with a question
    workTasks.complete(
        sign.getId(),
        Map.of("signDecision", "question", "question", "平均住院日是否含日间手术？"),
        hospital.user("tmedhead"));

    // Then the issuer is asked to answer it and sees the question on the form
    Task answer = fixture.openBookTask(issued, "answerSigningQuestion");
    assertThat(answer.getAssignee()).isEqualTo(IssuedItemFixture.ISSUER);
    assertThat(taskForms.load(answer.getId(), hospital.user("tleader")).values())
        .containsEntry("signingQuestion", "平均住院日是否含日间手术？");
    assertThatThrownBy(() -> workTasks.complete(answer.getId(), Map.of(), hospital.user("tleader")))
        .isInstanceOf(UserError.class);

    // When the issuer answers
    workTasks.complete(answer.getId(), Map.of("answer", "不含日间手术"), hospital.user("tleader"));

    // Then the head is asked to sign again, with the answer and a fresh choice on the form
    Task again = fixture.openBookTask(issued, "signTaskBook");
    Map<String, Object> form = taskForms.load(again.getId(), hospital.user("tmedhead")).values();
    assertThat((String) form.get("signingAnswerNote")).contains("平均住院日是否含日间手术？", "不含日间手术");
    assertThat(form.get("signDecision")).isNull();
    assertThat(form).containsEntry("responsibleParty", "测试医务部");

    // When the head signs
    LocalDateTime before = EngineClock.now().truncatedTo(ChronoUnit.SECONDS);
    workTasks.complete(again.getId(), Map.of("signDecision", "sign"), hospital.user("tmedhead"));

    // Then the book records who signed and when, and the history tells the whole exchange
    TaskBook signed = book(issued);
    assertThat(signed.getSignedBy()).isEqualTo("tmedhead");
    assertThat(signed.getSignedAt()).isAfterOrEqualTo(before).isBeforeOrEqualTo(EngineClock.now());
    assertThat(history.ofBook(issued.bookId()))
        .filteredOn(e -> e.getWorkItemId() == null)
        .extracting(ItemEvent::getKind, ItemEvent::getActor, ItemEvent::getDetail)
        .containsSubsequence(
            tuple("BOOK_ISSUED", ItemHistory.SYSTEM, null),
            tuple("SIGNING_QUESTION_RAISED", "tmedhead", "平均住院日是否含日间手术？"),
            tuple("SIGNING_QUESTION_ANSWERED", "tleader", "不含日间手术"),
            tuple("BOOK_SIGNED", "tmedhead", "测试医务部"));

    // And the book stays issued while its item is worked on
    assertThat(signed.getStatus()).isEqualTo(TaskBookStatus.ISSUED);
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey("book-" + issued.bookId())
                .count())
        .isZero();
    assertThat(fixture.openTask(issued, "claimItem")).isNotNull();
  }

  @Test
  void aLeadersBookIsSignedByTheResponsibleLeaderOnly() {
    // Given a leader's book for 测试分管院长, issued
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle("分管院长目标责任书");
    data.setYear(today.getYear());
    data.setPeriodStart(today.minusDays(30));
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("医疗服务");
    data.setLevel(BookLevel.LEADER);
    data.setResponsiblePersonId(hospital.personId("tincharge"));
    TaskBook book = taskBooks.createDraft(data, hospital.user("tleader"));
    fixture.addItem(book, "1", "分管事项");
    IssuedItem issued = new IssuedItem(book.getId(), null);
    workTasks.complete(
        fixture.openBookTask(issued, "draftTaskBook").getId(), Map.of(), hospital.user("tleader"));
    workTasks.complete(
        fixture.openBookTask(issued, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user("treviewer"));

    // Then the signing task is the responsible leader's, in his inbox and not in another leader's
    Task sign = fixture.openBookTask(issued, "signTaskBook");
    assertThat(workTasks.inbox(hospital.user("tincharge")))
        .extracting(TaskRow::id)
        .contains(sign.getId());
    assertThat(workTasks.inbox(hospital.user("treviewer")))
        .extracting(TaskRow::id)
        .doesNotContain(sign.getId());
    assertThatThrownBy(
            () ->
                workTasks.complete(
                    sign.getId(), Map.of("signDecision", "sign"), hospital.user("treviewer")))
        .isInstanceOf(TaskNotAllowed.class);

    // When he signs, Then the book records him
    workTasks.complete(sign.getId(), Map.of("signDecision", "sign"), hospital.user("tincharge"));
    assertThat(books.findById(book.getId()).orElseThrow().getSignedBy()).isEqualTo("tincharge");
  }

  private TaskBook book(IssuedItem issued) {
    return books.findById(issued.bookId()).orElseThrow();
  }
}
