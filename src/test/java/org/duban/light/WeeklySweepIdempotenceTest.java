package org.duban.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.book.ItemStates;
import org.duban.book.Light;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.CheckInService;
import org.duban.ladder.EscalationLadder;
import org.duban.ladder.EscalationRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly sweep on the real services and database: lights explained, each item put to the
 * escalation ladder at most once per ISO week however often the sweep runs, and a sweep that
 * resumes after one item's job failed counting every item once.
 */
@RunningAppTest
class WeeklySweepIdempotenceTest {

  /** Monday of ISO week 2026-W10. */
  static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 9, 0);

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired WeeklySupervisionService supervision;
  @Autowired EscalationLadder ladder;
  @Autowired CheckInService checkIns;
  @Autowired LightAssessmentRepository assessments;
  @Autowired WeeklyLadderStepRepository ladderSteps;
  @Autowired EscalationRepository escalations;
  @Autowired WorkItemRepository workItems;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void mondayMorning() {
    hospital.ensure();
    NoSweepRunning.ensure(supervision, runtimeService);
    setClock(MONDAY);
  }

  @AfterEach
  void realTimeAgain() {
    TestClock.reset();
  }

  static void setClock(LocalDateTime at) {
    TestClock.at(at);
  }

  /**
   * An issued item whose work started 30 days ago (a sheet's start date) and that missed two
   * monthly check-ins: red by rule MISSED_2.
   */
  IssuedItem silentItem(String title) {
    IssuedItem item = startedThirtyDaysAgo(fixture.issuedItem(title));
    checkIns.recordMissed(item.itemId(), "2026-01");
    checkIns.recordMissed(item.itemId(), "2026-02");
    return item;
  }

  /**
   * An issued item whose work started 30 days ago and that reported {@code percent} in its first
   * round.
   */
  IssuedItem reportedItem(String title, int percent) {
    IssuedItem item = startedThirtyDaysAgo(fixture.issuedItem(title));
    checkIns.submit(item.itemId(), "2026-02", percent, Map.of(), "二月进展", null, "tmedhead");
    return item;
  }

  IssuedItem startedThirtyDaysAgo(IssuedItem item) {
    transaction.executeWithoutResult(
        status ->
            ItemStates.startOn(
                workItems.findById(item.itemId()).orElseThrow(),
                MONDAY.toLocalDate().minusDays(30)));
    return item;
  }

  LightAssessment latestLight(IssuedItem item) {
    return assessments.findTop20ByWorkItemIdOrderByAssessedAtDescIdDesc(item.itemId()).get(0);
  }

  List<LightAssessment> lightsOfSweep(IssuedItem item, Long sweepId) {
    return assessments.findTop20ByWorkItemIdOrderByAssessedAtDescIdDesc(item.itemId()).stream()
        .filter(a -> sweepId.equals(a.getSweepId()))
        .toList();
  }

  Long lastStartedSweep() {
    return jdbc.queryForObject("select max(id) from supervision_sweep", Long.class);
  }

  @Test
  void sweepingTwiceInAWeekRefreshesLightsButPutsEachItemToTheLadderOnce() {
    // Given an item silent for two months and one that lags behind 序时进度
    IssuedItem silent = silentItem("周督查幂等-两次漏报");
    IssuedItem lagging = reportedItem("周督查幂等-进度滞后", 0);

    // When the weekly sweep runs on Monday
    supervision.runToEnd("tducha");
    Long firstSweep = lastStartedSweep();

    // Then the silent item is red, and its light keeps the rule and every figure the rule looked at
    LightAssessment red = latestLight(silent);
    assertThat(red.getSweepId()).isEqualTo(firstSweep);
    assertThat(red.getLight()).isEqualTo(Light.RED);
    assertThat(red.getRule()).isEqualTo("MISSED_2");
    assertThat(red.getReason()).isEqualTo("两次及以上未按时填报月度进展");
    assertThat(red.getMissedCheckIns()).isEqualTo(2);
    assertThat(red.getReportedProgress()).isZero();
    // the item's work started 30 days ago and is due 200 days ahead: 30 of 230 days have passed
    assertThat(red.getExpectedProgress()).isEqualTo(13);
    assertThat(red.getDaysToDeadline()).isEqualTo(200);
    assertThat(red.getOverdueSubTasks()).isZero();
    assertThat(red.getIndicatorsOffTrack()).isZero();
    assertThat(workItems.findById(silent.itemId()).orElseThrow().getLight()).isEqualTo(Light.RED);
    assertThat(latestLight(lagging).getRule()).isEqualTo("GAP_10");
    // and both items were put to the ladder once in week 2026-W10
    assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(silent.itemId()))
        .extracting(
            WeeklyLadderStep::getIsoWeek, WeeklyLadderStep::getLight, WeeklyLadderStep::getSweepId)
        .containsExactly(org.assertj.core.api.Assertions.tuple("2026-W10", Light.RED, firstSweep));
    assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(lagging.itemId())).hasSize(1);
    long escalationsOfSilent =
        escalations.findByWorkItemIdOrderByOpenedAtDesc(silent.itemId()).size();

    // When the silent item reports on Thursday and the office runs the sweep again in the same week
    setClock(MONDAY.plusDays(3));
    checkIns.submit(silent.itemId(), "2026-03", 50, Map.of(), "补报：已完成方案论证", null, "tmedhead");
    supervision.runToEnd("tducha");
    Long secondSweep = lastStartedSweep();

    // Then its light is refreshed by the second sweep
    LightAssessment refreshed = latestLight(silent);
    assertThat(refreshed.getSweepId()).isEqualTo(secondSweep);
    assertThat(refreshed.getLight()).isEqualTo(Light.GREEN);
    assertThat(refreshed.getRule()).isEqualTo("ON_PLAN");
    assertThat(refreshed.getMissedCheckIns()).isZero();
    assertThat(refreshed.getReportedProgress()).isEqualTo(50);
    // but neither item was put to the ladder again this week, and nothing more was escalated
    assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(silent.itemId())).hasSize(1);
    assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(lagging.itemId())).hasSize(1);
    assertThat(escalations.findByWorkItemIdOrderByOpenedAtDesc(silent.itemId()))
        .hasSize((int) escalationsOfSilent);
    // and the second sweep counts what it lit, and escalated nothing
    Sweep second = supervision.sweep(secondSweep).orElseThrow();
    assertThat(second.getFinishedAt()).isNotNull();
    assertThat(second.getEscalated()).isZero();
    assertThat(second.getGreen() + second.getYellow() + second.getRed())
        .isEqualTo(
            jdbc.queryForObject(
                "select count(*) from light_assessment where sweep_id = ?",
                Integer.class,
                secondSweep));

    // When next Monday's sweep runs, Then the items are put to the ladder again, for week 2026-W11
    setClock(MONDAY.plusDays(7));
    supervision.runToEnd("system");
    assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(silent.itemId()))
        .extracting(WeeklyLadderStep::getIsoWeek)
        .containsExactly("2026-W10", "2026-W11");
  }

  @Test
  void aCrashAfterTheLadderWasCalledRollsBothBackAndTheLadderIsCalledOnceWhenTheSweepResumes() {
    // Given a red item and a sweep of this week
    IssuedItem silent = silentItem("周督查幂等-崩溃重试");
    Long sweepId = supervision.startSweep();
    supervision.recordLight(
        sweepId,
        silent.itemId(),
        Light.RED,
        "MISSED_2",
        "两次及以上未按时填报月度进展",
        new LightFacts(13, 0, 30, 2, 200, 0, 0));
    AtomicInteger calls = new AtomicInteger();

    // When the job crashes right after the ladder opened an escalation
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status ->
                        supervision.stepOnLadder(
                            sweepId,
                            silent.itemId(),
                            Light.RED,
                            () -> {
                              calls.incrementAndGet();
                              ladder.onWeeklyLight(silent.itemId(), Light.RED);
                              throw new IllegalStateException("node died");
                            })))
        .hasMessage("node died");

    // Then neither the step nor what the ladder did survived
    assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(silent.itemId())).isEmpty();
    assertThat(escalations.findByWorkItemIdOrderByOpenedAtDesc(silent.itemId())).isEmpty();

    // When the job is retried, and again by a sweep started later in the same week
    boolean first =
        supervision.stepOnLadder(
            sweepId,
            silent.itemId(),
            Light.RED,
            () -> {
              calls.incrementAndGet();
              return ladder.onWeeklyLight(silent.itemId(), Light.RED);
            });
    setClock(MONDAY.plusDays(4));
    Long laterSweep = supervision.startSweep();
    boolean again =
        supervision.stepOnLadder(
            laterSweep,
            silent.itemId(),
            Light.RED,
            () -> {
              calls.incrementAndGet();
              return ladder.onWeeklyLight(silent.itemId(), Light.RED);
            });

    // Then the ladder was called once more after the crash, and never by the later sweep
    assertThat(calls).hasValue(2);
    assertThat(again).isFalse();
    assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(silent.itemId()))
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.getSweepId()).isEqualTo(sweepId);
              assertThat(step.isEscalated()).isEqualTo(first);
            });
  }

  @Test
  void theDatabaseItselfRefusesASecondStepOfAnItemInAWeek() {
    // Given an item put to the ladder in week 2026-W10
    IssuedItem item = fixture.issuedItem("周督查幂等-唯一约束");
    Long sweepId = supervision.startSweep();
    supervision.stepOnLadder(sweepId, item.itemId(), Light.YELLOW, () -> false);

    // When anything writes a second step for that item and week, not going through the check
    // Then the unique key refuses it
    assertThatThrownBy(
            () ->
                ladderSteps.saveAndFlush(
                    new WeeklyLadderStep("2026-W10", item.itemId(), sweepId, Light.RED, MONDAY)))
        .isInstanceOf(DataIntegrityViolationException.class);
    // and an item cannot be lit twice by one sweep either
    supervision.recordLight(
        sweepId,
        item.itemId(),
        Light.YELLOW,
        "GAP_10",
        "进度落后序时进度10个百分点及以上",
        new LightFacts(13, 0, 1, 0, 200, 0, 0));
    assertThatThrownBy(
            () ->
                supervision.recordLight(
                    sweepId,
                    item.itemId(),
                    Light.YELLOW,
                    "GAP_10",
                    "进度落后序时进度10个百分点及以上",
                    new LightFacts(13, 0, 1, 0, 200, 0, 0)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aFailingItemLeavesTheOthersLitAndTheResumedSweepCountsEveryItemOnce() {
    // Given two healthy items and one whose check-in data is broken, so that evaluating it fails
    IssuedItem healthy = reportedItem("周督查续跑-正常一", 20);
    IssuedItem silent = silentItem("周督查续跑-正常二");
    IssuedItem broken = fixture.issuedItem("周督查续跑-数据损坏");
    Long indicatorId =
        transaction.execute(
            s -> workItems.findById(broken.itemId()).orElseThrow().getIndicators().get(0).getId());
    checkIns.submit(
        broken.itemId(),
        "2026-02",
        20,
        Map.of(indicatorId, new BigDecimal("7.0")),
        "进展",
        null,
        "tmedhead");
    jdbc.update("update check_in set period = '2026-1X' where work_item_id = ?", broken.itemId());

    // When the sweep runs
    String instance = supervision.runNow("tducha");
    supervision.executeJobsOf(instance);
    Long sweepId = lastStartedSweep();

    // Then the other items are lit and put to the ladder, the broken one waits for a retry with its
    // error,
    // and the sweep is not finished
    assertThat(lightsOfSweep(healthy, sweepId)).hasSize(1);
    assertThat(lightsOfSweep(silent, sweepId))
        .singleElement()
        .satisfies(a -> assertThat(a.getLight()).isEqualTo(Light.RED));
    assertThat(lightsOfSweep(broken, sweepId)).isEmpty();
    assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(broken.itemId())).isEmpty();
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance)
                .withException()
                .singleResult()
                .getExceptionMessage())
        .contains("2026-1X");
    assertThat(supervision.sweep(sweepId).orElseThrow().getFinishedAt()).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isOne();

    // When the data is repaired and the job's retry comes due
    jdbc.update("update check_in set period = '2026-02' where work_item_id = ?", broken.itemId());
    setClock(MONDAY.plusMinutes(6));
    supervision.executeJobsOf(instance);

    // Then the sweep has finished, every item lit and put to the ladder exactly once
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isZero();
    for (IssuedItem item : List.of(healthy, silent, broken)) {
      assertThat(lightsOfSweep(item, sweepId)).as("lights of item %s", item.itemId()).hasSize(1);
      assertThat(ladderSteps.findByWorkItemIdOrderByIdAsc(item.itemId()))
          .as("steps of %s", item.itemId())
          .hasSize(1);
    }
    // and its counts are what it lit, each item once, and the escalations it opened
    Sweep sweep = supervision.sweep(sweepId).orElseThrow();
    assertThat(sweep.getFinishedAt()).isNotNull();
    assertThat(sweep.getGreen() + sweep.getYellow() + sweep.getRed())
        .isEqualTo(
            jdbc.queryForObject(
                "select count(distinct work_item_id) from light_assessment where sweep_id = ?",
                Integer.class,
                sweepId));
    assertThat(sweep.getEscalated())
        .isEqualTo(
            jdbc.queryForObject(
                "select count(*) from weekly_ladder_step where sweep_id = ? and escalated = true",
                Integer.class,
                sweepId));
  }
}
