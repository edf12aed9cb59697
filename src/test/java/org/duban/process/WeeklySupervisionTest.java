package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code weeklySupervision} (docs/processes.md section 4) with the real {@code itemLight} decision; only the
 * facts are faked.
 */
@Deployment(resources = {"processes/weekly-supervision.bpmn", "processes/item-light.dmn"})
class WeeklySupervisionTest extends ProcessTestSupport {

  static final Long OVERDUE_ITEM = 1L;
  static final Long LAGGING_ITEM = 2L;
  static final Long ON_TRACK_ITEM = 3L;
  static final Long SILENT_ITEM = 4L;
  static final Long SWEEP = 77L;

  final Map<Long, Map<String, Object>> facts = new HashMap<>();
  FakeOpenItems openItems;
  RecordingDelegate startSweep;
  RecordingDelegate gatherLightFacts;
  RecordingDelegate recordLight;
  RecordingDelegate startEscalation;
  RecordingDelegate finishSweep;

  static Map<String, Object> facts(int expected, int reported, int daysSinceLastCheckIn, int missedCheckIns,
      int daysToDeadline) {
    return Map.of("expectedProgress", expected, "reportedProgress", reported, "progressGap", expected - reported,
        "daysSinceLastCheckIn", daysSinceLastCheckIn, "missedCheckIns", missedCheckIns,
        "daysToDeadline", daysToDeadline);
  }

  @BeforeEach
  void registerBeans() {
    facts.put(OVERDUE_ITEM, facts(100, 90, 5, 0, -3));   // rule 1: RED
    facts.put(LAGGING_ITEM, facts(50, 38, 10, 0, 120));  // rule 5: YELLOW
    facts.put(ON_TRACK_ITEM, facts(50, 50, 10, 0, 120)); // rule 8: GREEN
    facts.put(SILENT_ITEM, facts(40, 35, 50, 2, 200));   // rule 2: RED
    openItems = registerOpenItems("supervisionSweep", OVERDUE_ITEM, LAGGING_ITEM, ON_TRACK_ITEM, SILENT_ITEM);
    startSweep = registerDelegate("startSweepDelegate",
        new RecordingDelegate(execution -> execution.setVariable("sweepId", SWEEP)));
    gatherLightFacts = registerDelegate("gatherLightFactsDelegate", new RecordingDelegate(execution ->
        execution.setVariablesLocal(facts.get((Long) execution.getVariable("workItemId")))));
    recordLight = registerDelegate("recordLightDelegate");
    startEscalation = registerDelegate("startEscalationDelegate");
    finishSweep = registerDelegate("finishSweepDelegate");
  }

  Job startTimer() {
    return jobQuery().processDefinitionKey("weeklySupervision").activityId("weeklySupervisionTimer").timers()
        .singleResult();
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
  void timerSweepRatesEveryItemAndEscalatesOnlyTheRedOnes() {
    // Given four open items: overdue, lagging, on track and silent for two rounds
    Job timer = startTimer();
    setClock(timer.getDuedate());

    // When the weekly timer fires
    execute(timer);

    // Then the sweep ran to its end in that one job
    HistoricProcessInstance sweep = historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("weeklySupervision").singleResult();
    assertThat(sweep.getEndTime()).isNotNull();
    assertThat(startSweep.calls).hasSize(1);

    // And each item was rated by the decision table, in collection order, with the table's reason
    assertThat(recordLight.values("workItemId"))
        .containsExactly(OVERDUE_ITEM, LAGGING_ITEM, ON_TRACK_ITEM, SILENT_ITEM);
    assertThat(recordLight.values("light"))
        .containsExactly("RED", "YELLOW", "GREEN", "RED");
    assertThat(recordLight.values("lightReason"))
        .containsExactly("已超过完成时限仍未完成", "进度落后序时进度10个百分点及以上", "按计划推进",
            "两次及以上未按时填报月度进展");
    assertThat(historyService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("itemLight").count())
        .isEqualTo(4);

    // And only the red items were escalated; the sweep was finished once with its id
    assertThat(startEscalation.values("workItemId")).containsExactly(OVERDUE_ITEM, SILENT_ITEM);
    assertThat(startEscalation.values("light")).containsOnly("RED");
    assertThat(finishSweep.values("sweepId")).containsExactly(SWEEP);
  }

  @Test
  void lightAndReasonAreLocalToEachItem() {
    // Given a red item followed by a yellow one
    openItems.ids.clear();
    openItems.ids.addAll(List.of(OVERDUE_ITEM, LAGGING_ITEM));

    // When the sweep runs
    ProcessInstance sweep = runtimeService().startProcessInstanceByKey("weeklySupervision");

    // Then every item starts without the previous item's light or reason
    assertThat(gatherLightFacts.calls).hasSize(2).allSatisfy(call -> assertThat(call)
        .containsEntry("light", null)
        .containsEntry("lightReason", null));
    assertThat(startEscalation.values("workItemId")).containsExactly(OVERDUE_ITEM);

    // And the variables lived in each iteration, never on the process instance
    List<HistoricVariableInstance> lights = historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(sweep.getId()).variableName("light").list();
    assertThat(lights).hasSize(2)
        .allSatisfy(light -> assertThat(light.getActivityInstanceId()).isNotEqualTo(sweep.getId()));
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(sweep.getId())
        .variableName("lightReason").list()).hasSize(2)
        .allSatisfy(result -> assertThat(result.getActivityInstanceId()).isNotEqualTo(sweep.getId()));
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(sweep.getId())
        .variableName("progressGap").list()).hasSize(2)
        .allSatisfy(gap -> assertThat(gap.getActivityInstanceId()).isNotEqualTo(sweep.getId()));
    assertThat(sweep).isEnded();
  }

  @Test
  void sweepWithoutOpenItemsStartedByHandJustFinishes() {
    // Given no open items
    openItems.ids.clear();

    // When the sweep is started by hand
    ProcessInstance sweep = runtimeService().startProcessInstanceByKey("weeklySupervision");

    // Then nothing is rated or escalated and the sweep is finished
    assertThat(gatherLightFacts.calls).isEmpty();
    assertThat(historyService().createHistoricDecisionInstanceQuery().count()).isZero();
    assertThat(startEscalation.calls).isEmpty();
    assertThat(finishSweep.values("sweepId")).containsExactly(SWEEP);
    assertThat(sweep).isEnded().hasPassed("finishSweep", "sweepFinished");
  }
}
