package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code changeRequest} (docs/processes.md section 6). */
@Deployment(resources = "processes/change-request.bpmn")
class ChangeRequestTest extends ProcessTestSupport {

  static final Long CHANGE_REQUEST = 5L;
  static final String ISSUER = "li.ke";

  RecordingDelegate applyChange;

  @BeforeEach
  void registerBeans() {
    applyChange = registerDelegate("applyChangeDelegate");
  }

  ProcessInstance startChange() {
    return runtimeService()
        .startProcessInstanceByKey(
            "changeRequest",
            "change-5",
            withVariables(
                "changeRequestId",
                CHANGE_REQUEST,
                "taskBookId",
                9L,
                "issuer",
                ISSUER,
                "workItemId",
                101L));
  }

  @Test
  void approvedChangeIsAppliedOnce() {
    // Given a proposed change waiting for the issuer
    ProcessInstance change = startChange();
    Task approve = task("approveChange", change);
    assertThat(approve).isAssignedTo(ISSUER);
    assertForm(approve, "approve-change");

    // When the issuer approves it
    complete(approve, withVariables("changeDecision", "approve"));

    // Then it is applied once, for this change request
    assertThat(applyChange.values("changeRequestId")).containsExactly(CHANGE_REQUEST);
    assertThat(applyChange.values("workItemId")).containsExactly(101L);
    assertThat(change)
        .isEnded()
        .hasPassed("applyChange", "changeApplied")
        .hasNotPassed("changeNotApplied");
  }

  @Test
  void rejectedChangeIsNotApplied() {
    // Given a proposed change
    ProcessInstance change = startChange();

    // When the issuer rejects it
    complete(task("approveChange", change), withVariables("changeDecision", "reject"));

    // Then nothing is applied
    assertThat(applyChange.calls).isEmpty();
    assertThat(change).isEnded().hasPassed("changeNotApplied").hasNotPassed("applyChange");
  }
}
