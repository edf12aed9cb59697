package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code weeklySupervision} (docs/processes.md section 4) with the real {@code itemLight} decision;
 * the beans are fakes. Items come in chunks, each item is evaluated in its own job.
 */
@Deployment(resources = {"processes/weekly-supervision.bpmn", "processes/item-light.dmn"})
class WeeklySupervisionTest extends ProcessTestSupport {

  static final Long OVERDUE_ITEM = 1L;
  static final Long LAGGING_ITEM = 2L;
  static final Long ON_TRACK_ITEM = 103L;
  static final Long SILENT_ITEM = 104L;
  static final Long SWEEP = 77L;

  final Map<Long, Map<String, Object>> facts = new LinkedHashMap<>();
  FakeSweepItems sweepItems;
  RecordingDelegate startSweep;
  RecordingDelegate gatherLightFacts;
  RecordingDelegate recordLight;
  FlakyLadder ladder;
  RecordingDelegate finishSweep;
  RecordingDelegate sendWeeklyDigest;

  /** Stands in for the {@code supervisionSweep} bean: items in chunks of id ranges. */
  public static final class FakeSweepItems {
    final Map<Long, List<Long>> chunks = new LinkedHashMap<>();

    public Collection<Long> chunkStarts() {
      return List.copyOf(chunks.keySet());
    }

    public Collection<Long> openItemIdsInChunk(Long chunkStart) {
      return List.copyOf(chunks.get(chunkStart));
    }
  }

  /**
   * The ladder step: records each call; fails once for the items told to, before it records
   * anything.
   */
  static final class FlakyLadder implements JavaDelegate {
    final List<Map<String, Object>> calls = new ArrayList<>();
    final Set<Long> failOnce = new HashSet<>();

    @Override
    public void execute(DelegateExecution execution) {
      Long item = (Long) execution.getVariable("workItemId");
      if (failOnce.remove(item)) {
        throw new IllegalStateException("database went away while item " + item + " was escalated");
      }
      calls.add(
          Map.of(
              "workItemId",
              item,
              "light",
              execution.getVariable("light"),
              "lightRule",
              execution.getVariable("lightRule")));
    }

    List<Object> items() {
      return calls.stream().map(call -> call.get("workItemId")).toList();
    }
  }

  static Map<String, Object> facts(
      int expected,
      int reported,
      int daysSinceLastCheckIn,
      int missedCheckIns,
      int daysToDeadline,
      int overdueSubTasks,
      int indicatorsOffTrack) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("expectedProgress", expected);
    facts.put("reportedProgress", reported);
    facts.put("progressGap", expected - reported);
    facts.put("daysSinceLastCheckIn", daysSinceLastCheckIn);
    facts.put("missedCheckIns", missedCheckIns);
    facts.put("daysToDeadline", daysToDeadline);
    facts.put("overdueSubTasks", overdueSubTasks);
    facts.put("indicatorsOffTrack", indicatorsOffTrack);
    return facts;
  }

  @BeforeEach
  void registerBeans() {
    facts.put(OVERDUE_ITEM, facts(100, 90, 5, 0, -3, 0, 0)); // OVERDUE: RED
    facts.put(LAGGING_ITEM, facts(50, 38, 10, 0, 120, 0, 0)); // GAP_10: YELLOW
    facts.put(ON_TRACK_ITEM, facts(50, 50, 10, 0, 120, 0, 0)); // ON_PLAN: GREEN
    facts.put(SILENT_ITEM, facts(40, 35, 50, 0, 200, 2, 1)); // SUBTASKS_OVERDUE_2: RED
    sweepItems = new FakeSweepItems();
    sweepItems.chunks.put(0L, new ArrayList<>(List.of(OVERDUE_ITEM, LAGGING_ITEM)));
    sweepItems.chunks.put(100L, new ArrayList<>(List.of(ON_TRACK_ITEM, SILENT_ITEM)));
    Mocks.register("supervisionSweep", sweepItems);
    startSweep =
        registerDelegate(
            "startSweepDelegate",
            new RecordingDelegate(execution -> execution.setVariable("sweepId", SWEEP)));
    // the facts are transient, as the real delegate sets them
    gatherLightFacts =
        registerDelegate(
            "gatherLightFactsDelegate",
            new RecordingDelegate(
                execution ->
                    facts
                        .get((Long) execution.getVariable("workItemId"))
                        .forEach(
                            (name, value) ->
                                execution.setVariableLocal(
                                    name, Variables.integerValue((Integer) value, true)))));
    recordLight = registerDelegate("recordLightDelegate");
    ladder = new FlakyLadder();
    Mocks.register("startEscalationDelegate", ladder);
    finishSweep = registerDelegate("finishSweepDelegate");
    sendWeeklyDigest = registerDelegate("sendWeeklyDigestDelegate");
  }

  @BeforeEach
  void pinClockToAnOrdinaryWeek() {
    // The engine moves timers off holidays (org.duban.calendar): pin a week whose Monday (16 March
    // 2026) is a working day, so the test does not depend on when it runs.
    setClock(at("2026-03-10T10:00"));
  }

  Job startTimer() {
    return jobQuery()
        .processDefinitionKey("weeklySupervision")
        .activityId("weeklySupervisionTimer")
        .timers()
        .singleResult();
  }

  /**
   * What a job executor does: runs every job that is due, until none is; a failing job stays
   * behind.
   */
  void runDueJobs(String processInstanceId) {
    List<Job> due;
    while (!(due =
            managementService()
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .executable()
                .list())
        .isEmpty()) {
      for (Job job : due) {
        try {
          managementService().executeJob(job.getId());
        } catch (RuntimeException failed) {
          // the engine has taken a retry off the job and moved its due date on
        }
      }
    }
  }

  static Map<Object, Object> byItem(List<Map<String, Object>> calls, String variable) {
    return calls.stream()
        .collect(Collectors.toMap(call -> call.get("workItemId"), call -> call.get(variable)));
  }

  String sweepInstanceId() {
    return runtimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey("weeklySupervision")
        .singleResult()
        .getId();
  }

  @Test
  void timerIsScheduledForMondayAt0830() {
    // Given the deployed process, Then its start timer waits for the next Monday at 08:30
    LocalDateTime due = local(startTimer().getDuedate());
    assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(due.toLocalTime()).hasToString("08:30");
    assertThat(due).isAfter(local(now())).isBefore(local(now()).plusDays(8));
  }

  @Test
  void timerSweepRatesEveryItemInItsOwnJobAndPutsEveryLightToTheLadder() {
    // Given four open items in two chunks: overdue, lagging, on track, and with two sub-tasks
    // overdue
    Job timer = startTimer();
    setClock(timer.getDuedate());

    // When the weekly timer fires
    execute(timer);

    // Then its transaction started the sweep and one job per chunk, and evaluated no item yet
    String sweep = sweepInstanceId();
    assertThat(startSweep.calls).hasSize(1);
    assertThat(
            managementService()
                .createJobQuery()
                .processInstanceId(sweep)
                .activityId("evaluateChunk")
                .count())
        .isEqualTo(2);
    assertThat(gatherLightFacts.calls).isEmpty();

    // When a chunk's job runs, Then it only makes one exclusive job per item of its own
    Job chunk =
        managementService()
            .createJobQuery()
            .processInstanceId(sweep)
            .activityId("evaluateChunk")
            .list()
            .get(0);
    managementService().executeJob(chunk.getId());
    List<Job> itemJobs =
        managementService()
            .createJobQuery()
            .processInstanceId(sweep)
            .activityId("evaluateItem")
            .list();
    assertThat(itemJobs).hasSize(2);
    SubProcess evaluateItem =
        repositoryService()
            .getBpmnModelInstance(itemJobs.get(0).getProcessDefinitionId())
            .getModelElementById("evaluateItem");
    MultiInstanceLoopCharacteristics perItem =
        (MultiInstanceLoopCharacteristics) evaluateItem.getLoopCharacteristics();
    assertThat(perItem.isCamundaAsyncBefore()).as("a job per item").isTrue();
    assertThat(perItem.isCamundaExclusive()).isTrue();
    assertThat(gatherLightFacts.calls).isEmpty();

    // When all jobs have run
    runDueJobs(sweep);

    // Then each item was rated once by the decision table, with the rule that fired and its reason
    assertThat(recordLight.values("workItemId"))
        .containsExactlyInAnyOrder(OVERDUE_ITEM, LAGGING_ITEM, ON_TRACK_ITEM, SILENT_ITEM);
    assertThat(byItem(recordLight.calls, "light"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                OVERDUE_ITEM,
                "RED",
                LAGGING_ITEM,
                "YELLOW",
                ON_TRACK_ITEM,
                "GREEN",
                SILENT_ITEM,
                "RED"));
    assertThat(byItem(recordLight.calls, "lightRule"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                OVERDUE_ITEM,
                "OVERDUE",
                LAGGING_ITEM,
                "GAP_10",
                ON_TRACK_ITEM,
                "ON_PLAN",
                SILENT_ITEM,
                "SUBTASKS_OVERDUE_2"));
    assertThat(byItem(recordLight.calls, "lightReason"))
        .containsEntry(SILENT_ITEM, "两个及以上子任务逾期未完成")
        .containsEntry(ON_TRACK_ITEM, "按计划推进");
    // and the recorder saw every fact the decision saw
    assertThat(recordLight.calls)
        .allSatisfy(
            call ->
                assertThat(call).containsAllEntriesOf(facts.get((Long) call.get("workItemId"))));
    assertThat(
            historyService()
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("itemLight")
                .count())
        .isEqualTo(4);

    // And every light, not only the red ones, was put to the ladder once, which decides what it
    // leads to
    assertThat(byItem(ladder.calls, "light"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                OVERDUE_ITEM,
                "RED",
                LAGGING_ITEM,
                "YELLOW",
                ON_TRACK_ITEM,
                "GREEN",
                SILENT_ITEM,
                "RED"));

    // And the sweep was finished once, with its id, after the last item, and then the weekly digest
    // sent once
    HistoricProcessInstance finished =
        historyService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(sweep)
            .singleResult();
    assertThat(finished.getEndTime()).isNotNull();
    assertThat(finishSweep.values("sweepId")).containsExactly(SWEEP);
    assertThat(sendWeeklyDigest.calls).hasSize(1);
  }

  @Test
  void lightRuleAndReasonAreLocalToEachItemAndTheFactsAreNeverStored() {
    // Given a red item followed by a yellow one in one chunk
    sweepItems.chunks.clear();
    sweepItems.chunks.put(0L, List.of(OVERDUE_ITEM, LAGGING_ITEM));

    // When the sweep runs
    ProcessInstance sweep = runtimeService().startProcessInstanceByKey("weeklySupervision");
    runDueJobs(sweep.getId());

    // Then every item starts without another item's light, rule or reason
    assertThat(gatherLightFacts.calls)
        .hasSize(2)
        .allSatisfy(
            call ->
                assertThat(call)
                    .containsEntry("light", null)
                    .containsEntry("lightRule", null)
                    .containsEntry("lightReason", null));

    // And the decisions lived in each item's scope, never on the process instance
    for (String variable : List.of("light", "lightRule", "lightReason", "workItemId")) {
      assertThat(
              historyService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(sweep.getId())
                  .variableName(variable)
                  .list())
          .as(variable)
          .hasSize(2)
          .allSatisfy(v -> assertThat(v.getActivityInstanceId()).isNotEqualTo(sweep.getId()));
    }
    // And the facts were transient: the engine stored none of them (light_assessment keeps them)
    for (String fact : facts.get(OVERDUE_ITEM).keySet()) {
      assertThat(
              historyService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(sweep.getId())
                  .variableName(fact)
                  .count())
          .as(fact)
          .isZero();
    }
    assertThat(sweep).isEnded();
  }

  @Test
  void aFailingItemBecomesAnIncidentOfItsOwnAndTheSweepEndsOnceItIsResolved() {
    // Given the ladder step fails for the lagging item, as if the database went away half-way
    ladder.failOnce.add(LAGGING_ITEM);

    // When the sweep runs
    ProcessInstance sweep = runtimeService().startProcessInstanceByKey("weeklySupervision");
    runDueJobs(sweep.getId());

    // Then every other item is rated and put to the ladder, and the sweep waits for the failed one
    assertThat(ladder.items()).containsExactlyInAnyOrder(OVERDUE_ITEM, ON_TRACK_ITEM, SILENT_ITEM);
    assertThat(sweep).isNotEnded();
    assertThat(finishSweep.calls).isEmpty();
    Job failed =
        managementService()
            .createJobQuery()
            .processInstanceId(sweep.getId())
            .withException()
            .singleResult();
    assertThat(failed.getExceptionMessage()).contains("item " + LAGGING_ITEM);
    assertThat(failed.getRetries()).isEqualTo(2);

    // When its retries run out, Then it is an incident of that item's job alone
    ladder.failOnce.add(LAGGING_ITEM);
    assertThatThrownBy(() -> managementService().executeJob(failed.getId()))
        .isInstanceOf(IllegalStateException.class);
    ladder.failOnce.add(LAGGING_ITEM);
    assertThatThrownBy(() -> managementService().executeJob(failed.getId()))
        .isInstanceOf(IllegalStateException.class);
    Incident incident =
        runtimeService().createIncidentQuery().processInstanceId(sweep.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("evaluateItem");
    assertThat(incident.getConfiguration()).isEqualTo(failed.getId());
    assertThat(runtimeService().getVariable(incident.getExecutionId(), "workItemId"))
        .isEqualTo(LAGGING_ITEM);

    // When the cause is gone and an operator retries the job (as in Cockpit)
    managementService().setJobRetries(failed.getId(), 1);
    managementService().executeJob(failed.getId());
    runDueJobs(sweep.getId());

    // Then the item is put to the ladder once, its failed attempts left nothing behind, and the
    // sweep ends
    assertThat(ladder.items())
        .containsExactlyInAnyOrder(OVERDUE_ITEM, ON_TRACK_ITEM, SILENT_ITEM, LAGGING_ITEM);
    assertThat(sweep).isEnded();
    assertThat(finishSweep.values("sweepId")).containsExactly(SWEEP);
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(sweep.getId())
                .variableName("light")
                .list()
                .stream()
                .map(v -> v.getValue())
                .toList())
        .as("one light per item, none from the failed attempts")
        .hasSize(4);
  }

  @Test
  void sweepWithoutOpenItemsStartedByHandJustFinishes() {
    // Given no open items
    sweepItems.chunks.clear();

    // When the sweep is started by hand
    ProcessInstance sweep = runtimeService().startProcessInstanceByKey("weeklySupervision");

    // Then nothing is rated or put to the ladder, and the sweep is finished at once
    assertThat(gatherLightFacts.calls).isEmpty();
    assertThat(historyService().createHistoricDecisionInstanceQuery().count()).isZero();
    assertThat(ladder.calls).isEmpty();
    assertThat(finishSweep.values("sweepId")).containsExactly(SWEEP);

    // and the weekly digest goes out in a job of its own, so that its failure cannot undo the sweep
    assertThat(sweep).isWaitingAt("sendWeeklyDigest");
    assertThat(sendWeeklyDigest.calls).isEmpty();
    runDueJobs(sweep.getId());
    assertThat(sendWeeklyDigest.calls).hasSize(1);
    assertThat(sweep).isEnded().hasPassed("finishSweep", "sendWeeklyDigest", "sweepFinished");
  }
}
