package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code supervisionReport} 督查通报 (docs/processes.md section 7). */
@Deployment(resources = "processes/supervision-report.bpmn")
class SupervisionReportTest extends ProcessTestSupport {

  static final Long REPORT_ID = 42L;

  RecordingDelegate publish;

  @BeforeEach
  void pinClockToOrdinaryWeeks() {
    // The engine moves timers off holidays (org.duban.calendar): pin a Wednesday whose next two
    // Mondays
    // (15 and 22 June 2026) are working days, so the dates below do not depend on when the test
    // runs.
    setClock(at("2026-06-10T09:00"));
  }

  @BeforeEach
  void registerBeans() {
    publish =
        registerDelegate(
            "publishSupervisionReportDelegate",
            new RecordingDelegate(execution -> execution.setVariable("reportId", REPORT_ID)));
  }

  Job startTimer() {
    return jobQuery()
        .processDefinitionKey("supervisionReport")
        .activityId("supervisionReportTimer")
        .timers()
        .singleResult();
  }

  @Test
  void timerWaitsForTheNextMondayAt1000AfterTheWeeklySweep() {
    // Given the deployed process, Then its start timer waits for the next Monday at 10:00
    Job timer = startTimer();
    assertThat(timer).isNotNull();
    LocalDateTime due = local(timer.getDuedate());
    assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(due.toLocalTime()).hasToString("10:00");
    assertThat(due).isAfter(local(now())).isBefore(local(now()).plusWeeks(1).plusMinutes(1));
  }

  @Test
  void timerPublishesTheReportOnceAndWaitsForTheFollowingMonday() {
    // Given the Monday timer is due
    Job timer = startTimer();
    LocalDateTime due = local(timer.getDuedate());
    setClock(timer.getDuedate());

    // When it fires
    execute(timer);

    // Then the report was published once, its id kept, and the instance is over
    assertThat(publish.calls).hasSize(1);
    HistoricProcessInstance run =
        historyService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("supervisionReport")
            .singleResult();
    assertThat(run.getEndTime()).isNotNull();
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(run.getId())
                .activityId("supervisionReportPublished")
                .count())
        .isEqualTo(1);
    HistoricVariableInstance reportId =
        historyService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(run.getId())
            .variableName("reportId")
            .singleResult();
    assertThat(reportId.getValue()).isEqualTo(REPORT_ID);

    // And the timer waits for the next Monday at 10:00
    assertThat(local(startTimer().getDuedate())).isEqualTo(due.plusWeeks(1));
  }

  @Test
  void reportCanAlsoBeStartedByHand() {
    // When an administrator starts the process without waiting for Monday
    ProcessInstance run = runtimeService().startProcessInstanceByKey("supervisionReport");

    // Then the report is published and the instance ends
    assertThat(run).isEnded().hasPassed("publishSupervisionReport", "supervisionReportPublished");
    assertThat(publish.calls).hasSize(1);
  }

  @Test
  void processFollowsTheConventionsAndOpensInModeler() {
    // Given the deployed definition, Then it is named in Chinese and keeps ten years of history
    ProcessDefinition definition =
        repositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("supervisionReport")
            .singleResult();
    assertThat(definition.getName()).isEqualTo("督查通报");
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);

    // And every element of the file has its place in the diagram
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            getClass().getResourceAsStream("/processes/supervision-report.bpmn"));
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
    List<String> shaped =
        model.getModelElementsByType(BpmnShape.class).stream()
            .map(shape -> shape.getBpmnElement().getId())
            .toList();
    List<String> edged =
        model.getModelElementsByType(BpmnEdge.class).stream()
            .map(edge -> edge.getBpmnElement().getId())
            .toList();
    assertThat(shaped)
        .containsExactlyInAnyOrderElementsOf(nodes.stream().map(FlowNode::getId).toList());
    assertThat(edged)
        .containsExactlyInAnyOrderElementsOf(flows.stream().map(SequenceFlow::getId).toList());
    assertThat(nodes).allSatisfy(node -> assertThat(node.getName()).isNotBlank());
  }
}
