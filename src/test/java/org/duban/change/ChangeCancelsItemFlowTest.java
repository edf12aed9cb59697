package org.duban.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.board.BoardFilter;
import org.duban.board.BoardQueries;
import org.duban.board.Bucket;
import org.duban.book.ItemStage;
import org.duban.book.Light;
import org.duban.book.SubTask;
import org.duban.book.SubTaskRepository;
import org.duban.book.WorkItemQueries;
import org.duban.checkin.CheckInRounds;
import org.duban.checkin.CheckInService;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.ladder.Escalation;
import org.duban.ladder.EscalationLadder;
import org.duban.ladder.EscalationRepository;
import org.duban.light.WeeklySupervisionService;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 point 8 on the real services and models: an approved change request cancels (撤销) an item
 * through its owner. Its department work and every task of it end, its open escalation ends with
 * status ITEM_CLOSED, the history says both, and it is offered to no later check-in round or sweep;
 * a rejected cancel proposal changes nothing.
 */
@RunningAppTest
class ChangeCancelsItemFlowTest {

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired ChangeService changes;
  @Autowired ChangeRequestRepository requests;
  @Autowired BookVersions versions;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ItemHistory history;
  @Autowired WorkItemQueries items;
  @Autowired SubTaskRepository subTasks;
  @Autowired EscalationLadder ladder;
  @Autowired EscalationRepository escalations;
  @Autowired CheckInRounds checkInRounds;
  @Autowired CheckInService checkIns;
  @Autowired WeeklySupervisionService weeklySupervision;

  @BeforeEach
  void hospital() {
    hospital.ensure();
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  private ChangeFormData cancelProposal(Long itemId, String reason) {
    var before = items.summary(itemId);
    ChangeFormData data = new ChangeFormData();
    data.setTitle(before.title());
    data.setTargetText(before.targetText());
    data.setLeadDepartmentId(before.leadDepartmentId());
    data.setLeaderInChargeId(hospital.personId("tincharge"));
    data.setDeadline(before.deadline());
    data.setAcceptanceCriteria(before.acceptanceCriteria());
    data.setReason(reason);
    data.setCancelItem(true);
    return data;
  }

  private Task approvalTask(ChangeRequest request) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey("change-" + request.getId())
        .taskDefinitionKey("approveChange")
        .singleResult();
  }

  private List<String> eventKinds(Long itemId) {
    return history.ofItem(itemId).stream().map(ItemEvent::getKind).toList();
  }

  @Test
  void anApprovedCancellationEndsTheItemItsWorkItsSubTasksAndItsEscalation() {
    TestClock.at("2026-06-08T08:30");
    IssuedItem issued = fixture.issuedItem("年中撤销的目标");
    Long item = issued.itemId();
    String key = issued.businessKey();
    // Given the item is claimed and broken down (an open sub-task) ...
    workTasks.complete(
        fixture.openTask(issued, "claimItem").getId(),
        Map.of("claimDecision", "claim"),
        hospital.user("tmedhead"));
    workTasks.complete(
        fixture.openTask(issued, "breakDownItem").getId(),
        Map.of(
            "subTasks",
            List.of(
                Map.of(
                    "title",
                    "梳理流程",
                    "assignee",
                    "user:tmedstaff",
                    "dueDate",
                    EngineClock.today().plusDays(10)))),
        hospital.user("tmedhead"));
    assertThat(fixture.openTask(issued, "doSubTask")).isNotNull();
    // ... and the office has sent it a supervision notice, whose plan is awaited
    ladder.onWeeklyLight(item, Light.RED);
    workTasks.complete(
        fixture.openTask(issued, "triageEscalation").getId(),
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "请于期限内提交整改方案",
            "noticeDeadline",
            LocalDate.parse("2026-06-12")),
        hospital.user("tducha"));
    assertThat(fixture.openTask(issued, "submitRectificationPlan")).isNotNull();
    Escalation escalation = escalations.findByOpenItemId(item).orElseThrow();

    // When the lead department proposes to cancel it and the issuer approves
    ChangeRequest request =
        changes.propose(item, cancelProposal(item, "上级取消该考核目标"), hospital.user("tmedhead"));
    assertThat(request.isProposedCancel()).isTrue();
    assertThat(request.getProposedTitle()).isNull();
    assertThat(request.getProposedDeadline()).isNull();
    assertThat(items.summary(item).stage())
        .as("nothing happens before the decision")
        .isEqualTo(ItemStage.IN_PROGRESS);
    workTasks.complete(
        approvalTask(request).getId(),
        Map.of("changeDecision", "approve", "changeComment", "同意撤销"),
        hospital.user(IssuedItemFixture.ISSUER));

    // Then the item is cancelled, not closed
    assertThat(items.summary(item).stage()).isEqualTo(ItemStage.CANCELLED);
    // its department work ended (through its event subprocess, not a deletion) and no task of the
    // item is left
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .isZero();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .activityId("workEndedByCancellation")
                .processInstanceId(
                    historyService
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey("departmentWork")
                        .processInstanceBusinessKey(key)
                        .singleResult()
                        .getId())
                .count())
        .isEqualTo(1);
    assertThat(subTasks.findByWorkItemIdOrderByIdAsc(item))
        .extracting(SubTask::getStatus)
        .containsOnly(SubTask.Status.CANCELLED);
    // the escalation ended with it
    assertThat(escalations.findById(escalation.getId()).orElseThrow().getStatus())
        .isEqualTo(Escalation.Status.ITEM_CLOSED);
    assertThat(escalations.findByOpenItemId(item)).isEmpty();
    // and the history says both
    assertThat(eventKinds(item))
        .contains("CHANGE_PROPOSED", "CHANGE_APPROVED")
        .endsWith("ITEM_CANCELLED", "ESCALATION_ENDED_ITEM_CANCELLED");
    // the book has a new version in which the item is gone
    List<BookVersions.VersionView> all = versions.of(issued.bookId(), List.of(item));
    assertThat(all).hasSize(2);
    assertThat(all.get(1).cause()).isEqualTo("上级取消该考核目标");
    assertThat(all.get(1).items()).isEmpty();
    assertThat(all.get(1).changes())
        .extracting(FieldChange::field, FieldChange::after)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("item", null));
    // a cancelled item takes no further change requests
    assertThat(changes.mayPropose(item, hospital.user("tmedhead"))).isFalse();
  }

  @Test
  void aCancelledItemIsOfferedToNoLaterCheckInRoundNorSweepNorBoard() {
    IssuedItem cancelled = fixture.issuedItem("撤销后不再填报");
    IssuedItem kept = fixture.issuedItem("照常填报");
    ChangeRequest request =
        changes.propose(
            cancelled.itemId(),
            cancelProposal(cancelled.itemId(), "目标取消"),
            hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        approvalTask(request).getId(),
        Map.of("changeDecision", "approve"),
        hospital.user(IssuedItemFixture.ISSUER));

    assertThat(checkIns.openItemIds()).contains(kept.itemId()).doesNotContain(cancelled.itemId());
    assertThat(weeklySupervision.openItemIds())
        .contains(kept.itemId())
        .doesNotContain(cancelled.itemId());
    String round = checkInRounds.openNow("tducha");
    List<Object> roundItems =
        taskService
            .createTaskQuery()
            .processInstanceId(round)
            .taskDefinitionKey("submitCheckIn")
            .list()
            .stream()
            .map(t -> taskService.getVariable(t.getId(), "workItemId"))
            .toList();
    assertThat(roundItems).contains(kept.itemId()).doesNotContain(cancelled.itemId());
    assertThat(
            board.countItems(
                BoardFilter.of(cancelled.bookId(), null, null, null, null), Bucket.ALL))
        .as("the cancelled item is not on the board")
        .isZero();
  }

  @Autowired BoardQueries board;

  @Test
  void aCancelledItemsOpenCheckInEndsWhileTheRoundGoesOnForTheOthers() {
    IssuedItem cancelled = fixture.issuedItem("填报中撤销");
    IssuedItem kept = fixture.issuedItem("填报中保留");
    String round = checkInRounds.openNow("tducha");
    assertThat(fixture.openCheckInTask(cancelled)).isNotNull();

    ChangeRequest request =
        changes.propose(
            cancelled.itemId(),
            cancelProposal(cancelled.itemId(), "目标取消"),
            hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        approvalTask(request).getId(),
        Map.of("changeDecision", "approve"),
        hospital.user(IssuedItemFixture.ISSUER));

    List<Object> roundItems =
        taskService
            .createTaskQuery()
            .processInstanceId(round)
            .taskDefinitionKey("submitCheckIn")
            .list()
            .stream()
            .map(t -> taskService.getVariable(t.getId(), "workItemId"))
            .toList();
    assertThat(roundItems).contains(kept.itemId()).doesNotContain(cancelled.itemId());
    assertThat(fixture.openCheckInTask(kept)).isNotNull();
  }

  @Test
  void aRejectedCancellationChangesNothing() {
    IssuedItem issued = fixture.issuedItem("撤销被驳回");
    Long item = issued.itemId();
    var before = items.summary(item);
    ChangeRequest request =
        changes.propose(item, cancelProposal(item, "想撤销"), hospital.user("tmedhead"));

    // a pending cancellation blocks a second proposal, as any pending change does
    ChangeFormData second = cancelProposal(item, "再撤销一次");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> changes.propose(item, second, hospital.user("tmedhead")))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).key())
        .isEqualTo("change.pending");

    workTasks.complete(
        approvalTask(request).getId(),
        Map.of("changeDecision", "reject", "changeComment", "目标仍需完成"),
        hospital.user(IssuedItemFixture.ISSUER));

    assertThat(requests.findById(request.getId()).orElseThrow().getStatus())
        .isEqualTo(ChangeStatus.REJECTED);
    assertThat(items.summary(item)).isEqualTo(before);
    assertThat(fixture.openTask(issued, "claimItem")).isNotNull();
    assertThat(eventKinds(item)).contains("CHANGE_REJECTED").doesNotContain("ITEM_CANCELLED");
    assertThat(checkIns.openItemIds()).contains(item);
  }
}
