package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.checkin.CheckInRounds;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox offers only what the person may do, by the same rule that lets them do it ({@link
 * TaskAccess}): a department's claim, breakdown and signing are its head's and deputies', not its
 * staff's; staff see their sub-tasks and the check-ins; whoever drafted a book does not review it.
 * Run on H2 ({@link InboxRightsTest}) and on PostgreSQL ({@link PostgresInboxRightsTest}), as the
 * rule is partly SQL.
 */
abstract class InboxRightsScenario {

  @Autowired TestHospital hospital;
  @Autowired OutpatientOffice office;
  @Autowired IssuedItemFixture fixture;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired CheckInRounds checkInRounds;
  @Autowired TaskHolders holders;

  @BeforeEach
  void office() {
    office.ensure();
  }

  @Test
  void staffOfTheLeadDepartmentAreNotOfferedTheClaimAndCannotForceIt() {
    // Given an item led by 测试门诊部 waiting to be claimed
    IssuedItem item = fixture.issuedItemLedBy("门诊预约率提升", OutpatientOffice.CODE);
    String claim = fixture.openTask(item, "claimItem").getId();

    // Then its staff member does not see it; its head and deputy do
    assertThat(inboxIds(OutpatientOffice.STAFF)).doesNotContain(claim);
    assertThat(inboxIds(OutpatientOffice.HEAD)).contains(claim);
    assertThat(inboxIds(OutpatientOffice.DEPUTY)).contains(claim);
    // and reminders and urges of the claim go to those who may take it
    assertThat(holders.of(fixture.openTask(item, "claimItem")))
        .containsExactlyInAnyOrder(OutpatientOffice.HEAD, OutpatientOffice.DEPUTY);

    // When the staff member claims it or decides it anyway, Then it is refused, saying why, and the
    // task stays open
    assertThatThrownBy(() -> workTasks.claim(claim, hospital.user(OutpatientOffice.STAFF)))
        .isInstanceOfSatisfying(
            TaskNotAllowed.class,
            e -> assertThat(e.messageKey()).isEqualTo("task.notAllowed.leadersOnly"));
    assertThatThrownBy(
            () ->
                workTasks.complete(
                    claim, Map.of("claimDecision", "claim"), hospital.user(OutpatientOffice.STAFF)))
        .isInstanceOf(TaskNotAllowed.class);
    assertThat(taskService.createTaskQuery().taskId(claim).singleResult().getAssignee()).isNull();

    // When the head claims it, Then the breakdown is the head's and the deputy's, not the staff's
    workTasks.complete(
        claim, Map.of("claimDecision", "claim"), hospital.user(OutpatientOffice.HEAD));
    String breakDown = fixture.openTask(item, "breakDownItem").getId();
    assertThat(inboxIds(OutpatientOffice.STAFF)).doesNotContain(breakDown);
    assertThat(inboxIds(OutpatientOffice.DEPUTY)).contains(breakDown);
  }

  @Test
  void theDeputyClaimsAndBreaksDownAndTheStaffMemberSeesTheirSubTaskAndTheCheckIn() {
    IssuedItem item = fixture.issuedItemLedBy("门诊候诊时间缩短", OutpatientOffice.CODE);
    // the deputy stands in for the head
    workTasks.complete(
        fixture.openTask(item, "claimItem").getId(),
        Map.of("claimDecision", "claim"),
        hospital.user(OutpatientOffice.DEPUTY));
    workTasks.complete(
        fixture.openTask(item, "breakDownItem").getId(),
        Map.of(
            "subTasks",
            List.of(
                Map.of(
                    "title",
                    "分时段预约",
                    "assignee",
                    "user:" + OutpatientOffice.STAFF,
                    "dueDate",
                    EngineClock.today().plusDays(10)))),
        hospital.user(OutpatientOffice.DEPUTY));

    Task subTask = fixture.openTask(item, "doSubTask");
    assertThat(inboxIds(OutpatientOffice.STAFF)).contains(subTask.getId());
    checkInRounds.openNow("tducha");
    Task checkIn = fixture.openCheckInTask(item);
    assertThat(inboxIds(OutpatientOffice.STAFF)).contains(checkIn.getId());
    assertThat(inboxIds(OutpatientOffice.HEAD)).contains(checkIn.getId());

    workTasks.complete(
        subTask.getId(), Map.of("report", "已完成"), hospital.user(OutpatientOffice.STAFF));
    assertThat(taskService.createTaskQuery().taskId(subTask.getId()).count()).isZero();
  }

  @Test
  void whoeverDraftedABookDoesNotSeeItsReviewAndCannotForceIt() {
    TaskBook book = fixture.draft("自审任务书");
    fixture.addItem(book, "1", "自审事项");
    workTasks.complete(
        task(book, "draftTaskBook").getId(), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    String review = task(book, "reviewTaskBook").getId();

    assertThat(inboxIds(IssuedItemFixture.ISSUER)).doesNotContain(review);
    assertThat(inboxIds(IssuedItemFixture.REVIEWER)).contains(review);
    assertThatThrownBy(
            () ->
                workTasks.complete(
                    review,
                    Map.of("reviewDecision", "approve"),
                    hospital.user(IssuedItemFixture.ISSUER)))
        .isInstanceOfSatisfying(
            TaskNotAllowed.class,
            e -> assertThat(e.messageKey()).isEqualTo("task.notAllowed.ownDraft"));
    assertThat(task(book, "reviewTaskBook").getAssignee()).isNull();
    workTasks.complete(
        review, Map.of("reviewDecision", "approve"), hospital.user(IssuedItemFixture.REVIEWER));
  }

  private Task task(TaskBook book, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(book.getProcessInstanceId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** Every task of the person's inbox, all pages. */
  private List<String> inboxIds(String username) {
    List<String> ids = new ArrayList<>();
    WorkTasks.InboxPage page;
    int n = 0;
    do {
      page = workTasks.inbox(hospital.user(username), n++);
      page.rows().forEach(r -> ids.add(r.id()));
    } while (page.hasNext());
    return ids;
  }
}
