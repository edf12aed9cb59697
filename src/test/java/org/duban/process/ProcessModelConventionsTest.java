package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conventions of docs/processes.md that no path test sees: ten years of history, a Chinese
 * name, the form of every user task, explicit gateway conditions and a complete, non-overlapping
 * diagram (so that the files open cleanly in Camunda Modeler). Reads the files only; no engine
 * needed.
 */
class ProcessModelConventionsTest {

  /**
   * The processes the contract names; the folder must hold them all (and every other .bpmn is
   * checked too).
   */
  static final List<String> CONTRACT_FILES =
      List.of(
          "task-book-issuance.bpmn",
          "department-work.bpmn",
          "monthly-check-in.bpmn",
          "weekly-supervision.bpmn",
          "escalation.bpmn",
          "change-request.bpmn",
          "year-end-assessment.bpmn");

  /**
   * Every .bpmn of the processes/ folder, as deployment reads it: a new file is checked without
   * being listed.
   */
  static final List<String> FILES = folder();

  private static List<String> folder() {
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".bpmn"))
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every user task of the six processes and its form, as the contract lists them. */
  static final Map<String, String> FORMS =
      Map.ofEntries(
          Map.entry("draftTaskBook", "draft-task-book"),
          Map.entry("reviewTaskBook", "review-task-book"),
          Map.entry("reviseTaskBook", "revise-task-book"),
          Map.entry("signTaskBook", "sign-task-book"),
          Map.entry("answerSigningQuestion", "answer-signing-question"),
          Map.entry("claimItem", "claim-item"),
          Map.entry("resolveDispute", "resolve-dispute"),
          Map.entry("breakDownItem", "break-down-item"),
          Map.entry("doSubTask", "sub-task-report"),
          Map.entry("submitCompletionReport", "completion-report"),
          Map.entry("acceptItem", "accept-item"),
          Map.entry("submitCheckIn", "check-in"),
          Map.entry("triageEscalation", "triage"),
          Map.entry("submitRectificationPlan", "rectification-plan"),
          Map.entry("leaderFollowUp", "leader-follow-up"),
          Map.entry("reviewRectificationPlan", "review-plan"),
          Map.entry("submitRectificationEvidence", "rectification-evidence"),
          Map.entry("signOffRectification", "sign-off"),
          Map.entry("recordMeetingDecision", "meeting-decision"),
          Map.entry("approveChange", "approve-change"),
          Map.entry("reviewScore", "review-assessment-score"),
          Map.entry("decideAppeal", "decide-appeal"),
          Map.entry("publishResults", "publish-assessment"));

  static List<String> files() {
    return FILES;
  }

  @Test
  void theFolderHoldsEveryProcessOfTheContract() {
    assertThat(FILES).containsAll(CONTRACT_FILES);
  }

  static BpmnModelInstance read(String file) {
    InputStream stream =
        ProcessModelConventionsTest.class.getResourceAsStream("/processes/" + file);
    assertThat(stream).as("processes/%s on the test class path", file).isNotNull();
    return Bpmn.readModelFromStream(stream);
  }

  static boolean hasChinese(String text) {
    return text != null
        && text.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  @ParameterizedTest
  @MethodSource("files")
  void processIsExecutableKeepsTenYearsOfHistoryAndIsNamedInChinese(String file) {
    // Given the file, When it is read, Then it holds one executable process as the contract
    // requires
    Collection<Process> processes = read(file).getModelElementsByType(Process.class);
    assertThat(processes).hasSize(1);
    Process process = processes.iterator().next();
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
    assertThat(hasChinese(process.getName())).as("Chinese name of %s", process.getId()).isTrue();
    assertThat(process.getId()).matches("[a-zA-Z]+");
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyActivityHasAnEnglishIdAndAChineseName(String file) {
    for (FlowNode node : read(file).getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches("[a-zA-Z]+");
      assertThat(hasChinese(node.getName())).as("Chinese name of %s", node.getId()).isTrue();
    }
  }

  @Test
  void everyUserTaskUsesTheContractFormFromItsOwnDeployment() {
    // Given all user tasks of all six files
    Map<String, String> found = new HashMap<>();
    for (String file : FILES) {
      for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
        // Then each names its form with deployment binding, and no form key
        assertThat(task.getCamundaFormRefBinding())
            .as("form binding of %s", task.getId())
            .isEqualTo("deployment");
        assertThat(task.getCamundaFormKey()).as("form key of %s", task.getId()).isNull();
        found.put(task.getId(), task.getCamundaFormRef());
      }
    }
    // And together they are exactly the tasks and forms of the contract
    assertThat(found).containsExactlyInAnyOrderEntriesOf(FORMS);
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyBranchOfADecisionGatewayHasAConditionOrIsTheDefault(String file) {
    for (ExclusiveGateway gateway : read(file).getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() == 1) {
        // A merge: several paths join, one unconditional flow leaves
        assertThat(gateway.getIncoming())
            .as("paths merged by %s", gateway.getId())
            .hasSizeGreaterThan(1);
        assertThat(gateway.getOutgoing().iterator().next().getConditionExpression())
            .as("condition after merge %s", gateway.getId())
            .isNull();
        continue;
      }
      assertThat(gateway.getOutgoing()).as("branches of %s", gateway.getId()).hasSizeGreaterThan(1);
      for (SequenceFlow flow : gateway.getOutgoing()) {
        boolean isDefault = flow.equals(gateway.getDefault());
        assertThat(flow.getConditionExpression() != null || isDefault)
            .as("condition on %s", flow.getId())
            .isTrue();
        assertThat(hasChinese(flow.getName())).as("Chinese label of %s", flow.getId()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void diagramShowsEveryElementWithoutOverlaps(String file) {
    BpmnModelInstance model = read(file);

    // Then every node has a shape and every flow an edge with waypoints
    List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    for (FlowNode node : nodes) {
      assertThat(node.getDiagramElement())
          .as("shape of %s", node.getId())
          .isInstanceOf(BpmnShape.class);
      assertThat(((BpmnShape) node.getDiagramElement()).getBounds())
          .as("bounds of %s", node.getId())
          .isNotNull();
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(flow.getDiagramElement())
          .as("edge of %s", flow.getId())
          .isInstanceOf(BpmnEdge.class);
      assertThat(((BpmnEdge) flow.getDiagramElement()).getWaypoints())
          .as("waypoints of %s", flow.getId())
          .hasSizeGreaterThanOrEqualTo(2);
    }

    // And no two shapes in the same container overlap (a boundary event sits on its own task's
    // border)
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        if (a.getParentElement() != b.getParentElement() || attached(a, b) || attached(b, a)) {
          continue;
        }
        assertThat(overlap(bounds(a), bounds(b)))
            .as("%s overlaps %s", a.getId(), b.getId())
            .isFalse();
      }
    }
  }

  static boolean attached(FlowNode event, FlowNode host) {
    return event instanceof BoundaryEvent boundary && boundary.getAttachedTo().equals(host);
  }

  static Bounds bounds(FlowNode node) {
    return ((BpmnShape) node.getDiagramElement()).getBounds();
  }

  static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }
}
