package org.duban.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.board.BoardFilter;
import org.duban.board.BoardProgress;
import org.duban.checkin.CheckInService.CheckInView;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A monthly round reports on the month that ended (issue 15, point 6): the month its check-ins,
 * submitted or missed, are filed under, the item's history and the board's 序时进度 table all say so,
 * also for a round that was running when the release came in.
 */
@RunningAppTest
class CheckInMonthTest {

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired CheckInRounds rounds;
  @Autowired CheckInService checkIns;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine engine;
  @Autowired WorkTasks workTasks;
  @Autowired ItemHistory history;
  @Autowired BoardProgress boardProgress;

  @BeforeEach
  void engine() {
    hospital.ensure();
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTimeAgain() {
    TestClock.reset();
    BpmnAwareTests.reset();
  }

  static void setClock(String at) {
    TestClock.at(at);
  }

  ProcessInstance round(String id) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  void report(IssuedItem item, int percent, String narrative) {
    workTasks.complete(
        fixture.openCheckInTask(item).getId(),
        Map.of("percentDone", BigDecimal.valueOf(percent), "narrative", narrative),
        hospital.user("tmedhead"));
  }

  /**
   * Runs the overdue timer of the item's check-in task, as the job executor does after the window.
   */
  void windowClosesFor(String roundId, IssuedItem item) {
    Job overdue =
        managementService
            .createJobQuery()
            .processInstanceId(roundId)
            .activityId("checkInOverdue")
            .list()
            .stream()
            .filter(
                job ->
                    item.itemId()
                        .equals(runtimeService.getVariable(job.getExecutionId(), "workItemId")))
            .findFirst()
            .orElseThrow();
    TestClock.at(overdue.getDuedate());
    managementService.executeJob(overdue.getId());
  }

  List<String> periodsOf(IssuedItem item) {
    return checkIns.views(item.itemId()).stream().map(CheckInView::period).toList();
  }

  List<String> checkInHistory(IssuedItem item) {
    return history.ofItem(item.itemId()).stream()
        .filter(e -> e.getKind().startsWith("CHECK_IN_"))
        .map(ItemEvent::getDetail)
        .toList();
  }

  @Test
  void aRoundOpenedOnTheFirstOfJuneAsksForMay() {
    // Given two items, and the round the timer opens on Monday 1 June 2026
    setClock("2026-06-01T08:00");
    IssuedItem reporting = fixture.issuedItem("六月填报五月进展");
    IssuedItem silent = fixture.issuedItem("六月未填报五月进展");
    String roundId = rounds.openNow("tducha");

    // Then the round asks for May, in the first five working days of June
    assertThat(round(roundId))
        .isWaitingAt("submitCheckIn")
        .variables()
        .containsEntry("period", "2026-05")
        .containsEntry("roundOpenedOn", "2026-06-01");

    // When one department reports on 3 June and the other lets the window close
    setClock("2026-06-03T10:00");
    report(reporting, 30, "五月完成方案论证");
    windowClosesFor(roundId, silent);

    // Then both check-ins, the items' histories and the board's 序时进度 table say 2026-05
    assertThat(periodsOf(reporting)).containsExactly("2026-05");
    assertThat(periodsOf(silent)).containsExactly("2026-05");
    assertThat(checkIns.views(silent.itemId()).get(0).status()).isEqualTo(CheckIn.Status.MISSED);
    assertThat(checkInHistory(reporting)).containsExactly("2026-05：30%");
    assertThat(checkInHistory(silent)).containsExactly("2026-05");
    assertThat(
            boardProgress.byDepartment(BoardFilter.of(reporting.bookId(), null, null, null, null)))
        .singleElement()
        .satisfies(department -> assertThat(department.latest().period()).isEqualTo("2026-05"));
  }

  @Test
  void aRoundOpenedInJanuaryReportsDecemberAndIsFiledUnderTheYearBefore() {
    // Given the round of Monday 4 January 2027 (1 to 3 January are holidays)
    setClock("2027-01-04T08:00");
    IssuedItem item = fixture.issuedItem("一月填报十二月进展");
    String roundId = rounds.openNow("tducha");
    assertThat(round(roundId))
        .isWaitingAt("submitCheckIn")
        .variables()
        .containsEntry("period", "2026-12");

    // When the department reports on the last day of its window
    setClock("2027-01-08T17:30");
    report(item, 100, "十二月全部完成");

    // Then the check-in is December's, of 2026
    assertThat(periodsOf(item)).containsExactly("2026-12");
    assertThat(checkInHistory(item)).containsExactly("2026-12：100%");
  }

  @Test
  void aRoundRunningFromBeforeTheReleaseFilesItsCheckInsUnderTheMonthItAskedFor() {
    // Given a round opened on 1 July 2026 by the release before, which named July, the month it
    // opened in
    setClock("2026-07-01T08:00");
    IssuedItem reporting = fixture.issuedItem("旧版本轮次-填报");
    IssuedItem silent = fixture.issuedItem("旧版本轮次-未填报");
    String roundId = rounds.openNow("tducha");
    runtimeService.removeVariable(roundId, "roundOpenedOn");
    runtimeService.setVariable(roundId, "period", "2026-07");

    // When the office opens the round again by hand, Then the items asked by the old round are not
    // asked again
    setClock("2026-07-02T09:00");
    rounds.openNow("tducha");
    fixture.openCheckInTask(reporting);
    fixture.openCheckInTask(silent);

    // When one reports and the other's window closes
    report(reporting, 40, "六月进展");
    windowClosesFor(roundId, silent);

    // Then both are filed under June, as V30 files the check-ins such rounds recorded before it
    assertThat(periodsOf(reporting)).containsExactly("2026-06");
    assertThat(periodsOf(silent)).containsExactly("2026-06");
    assertThat(checkInHistory(reporting)).containsExactly("2026-06：40%");
  }
}
