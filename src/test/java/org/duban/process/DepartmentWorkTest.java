package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code departmentWork} (docs/processes.md section 2). */
@Deployment(resources = "processes/department-work.bpmn")
class DepartmentWorkTest extends ProcessTestSupport {

  static final Long ITEM = 5L;
  static final String ISSUER = "li.ke";

  FakeWorkItemRouting routing;
  RecordingDelegate closeWorkItem;

  @BeforeEach
  void registerBeans() {
    routing = registerWorkItemRouting();
    routing.leadGroups.put(ITEM, "dept_medical");
    routing.subTasks.put(ITEM, List.of(501L, 502L));
    routing.subTaskAssignees.put(501L, "zhang.san");
    routing.subTaskGroups.put(502L, List.of("dept_nursing", "dept_pharmacy"));
    closeWorkItem = registerDelegate("closeWorkItemDelegate");
  }

  ProcessInstance startWork() {
    return runtimeService()
        .startProcessInstanceByKey(
            "departmentWork",
            "item-5",
            withVariables("workItemId", ITEM, "issuer", ISSUER, "taskBookId", 9L));
  }

  @Test
  void claimedItemIsBrokenDownWorkedOnReportedReworkedAndAccepted() {
    // Given a new work item
    ProcessInstance work = startWork();
    Task claim = task("claimItem", work);
    assertThat(claim).hasCandidateGroup("dept_medical").isNotAssigned();
    assertForm(claim, "claim-item");

    // When the lead department claims it
    complete(claim, withVariables("claimDecision", "claim"));

    // Then the lead department breaks it down
    Task breakDown = task("breakDownItem", work);
    assertThat(breakDown).hasCandidateGroup("dept_medical");
    assertForm(breakDown, "break-down-item");
    complete(breakDown);

    // Then there is one sub-task per open sub-task id: one for a person, one for groups
    List<Task> subTasks = tasks(work.getId(), "doSubTask");
    assertThat(subTasks).hasSize(2);
    Task personal =
        subTasks.stream().filter(t -> t.getAssignee() != null).findFirst().orElseThrow();
    Task shared = subTasks.stream().filter(t -> t.getAssignee() == null).findFirst().orElseThrow();
    assertThat(personal.getAssignee()).isEqualTo("zhang.san");
    assertThat(candidateGroups(personal)).isEmpty();
    assertThat(candidateGroups(shared)).containsExactlyInAnyOrder("dept_nursing", "dept_pharmacy");
    assertForm(personal, "sub-task-report");
    assertThat(runtimeService().getVariable(personal.getExecutionId(), "subTaskId"))
        .isEqualTo(501L);
    assertThat(runtimeService().getVariable(shared.getExecutionId(), "subTaskId")).isEqualTo(502L);

    // When only one sub-task is done, the work waits for the other
    complete(personal, withVariables("report", "已完成第一项"));
    assertThat(tasks(work.getId(), "doSubTask"))
        .extracting(Task::getId)
        .containsExactly(shared.getId());
    assertThat(work).isNotWaitingAt("submitCompletionReport");
    complete(shared, withVariables("report", "已完成第二项"));

    // Then the lead department reports completion and the issuer checks it
    Task report = task("submitCompletionReport", work);
    assertThat(report).hasCandidateGroup("dept_medical");
    assertForm(report, "completion-report");
    complete(report, withVariables("completionSummary", "全部完成"));
    Task accept = task("acceptItem", work);
    assertThat(accept).isAssignedTo(ISSUER);
    assertForm(accept, "accept-item");

    // When the issuer asks for rework, the report comes back to the lead department
    complete(accept, withVariables("acceptDecision", "rework"));
    assertThat(work).isWaitingAtExactly("submitCompletionReport");
    assertThat(closeWorkItem.calls).isEmpty();
    complete(task("submitCompletionReport", work), withVariables("completionSummary", "补充材料"));

    // When the issuer accepts
    complete(task("acceptItem", work), withVariables("acceptDecision", "accept"));

    // Then the item is closed once
    assertThat(closeWorkItem.values("workItemId")).containsExactly(ITEM);
    assertThat(work)
        .isEnded()
        .hasPassedInOrder(
            "claimItem",
            "breakDownItem",
            "doSubTask",
            "submitCompletionReport",
            "acceptItem",
            "submitCompletionReport",
            "acceptItem",
            "closeWorkItem",
            "itemClosed")
        .hasNotPassed("resolveDispute");
  }

  @Test
  void theItemCancelledMessageEndsTheWorkWithItsOpenSubTasks() {
    // Given the work waits at both sub-tasks
    ProcessInstance work = startWork();
    complete(task("claimItem", work), withVariables("claimDecision", "claim"));
    complete(task("breakDownItem", work));
    assertThat(tasks(work.getId(), "doSubTask")).hasSize(2);

    // When an approved change cancels the item (DepartmentWorkService.cancel sends the message)
    runtimeService()
        .createMessageCorrelation("itemCancelled")
        .processInstanceId(work.getId())
        .correlate();

    // Then no task is left and the work ended through the cancellation, without closing the item
    assertThat(work)
        .isEnded()
        .hasPassed("itemCancelled", "workEndedByCancellation")
        .hasNotPassed("closeWorkItem");
    assertThat(tasks(work.getId(), "doSubTask")).isEmpty();
    assertThat(closeWorkItem.calls).isEmpty();
  }

  @Test
  void disputeResolvedByReassigningOffersTheItemToTheNewLeadDepartment() {
    // Given a work item offered to the medical department
    ProcessInstance work = startWork();

    // When the department disputes it
    complete(
        task("claimItem", work),
        withVariables("claimDecision", "dispute", "disputeReason", "不属于本科室职责"));

    // Then the issuer resolves the dispute
    Task resolve = task("resolveDispute", work);
    assertThat(resolve).isAssignedTo(ISSUER);
    assertForm(resolve, "resolve-dispute");

    // When the issuer reassigns the item (the domain now names the nursing department as lead)
    routing.leadGroups.put(ITEM, "dept_nursing");
    complete(resolve, withVariables("disputeResolution", "reassign"));

    // Then the claim task is offered to the new lead department
    Task claimAgain = task("claimItem", work);
    assertThat(candidateGroups(claimAgain)).containsExactly("dept_nursing");

    // And once claimed the work goes on to the break-down
    complete(claimAgain, withVariables("claimDecision", "claim"));
    assertThat(work).isWaitingAtExactly("breakDownItem");
    assertThat(task("breakDownItem", work)).hasCandidateGroup("dept_nursing");
  }

  @Test
  void disputeResolvedByInsistingOffersTheItemToTheSameDepartmentAgain() {
    // Given a disputed work item
    ProcessInstance work = startWork();
    complete(task("claimItem", work), withVariables("claimDecision", "dispute"));

    // When the issuer insists
    complete(task("resolveDispute", work), withVariables("disputeResolution", "insist"));

    // Then the same department has to claim it again, and can dispute again
    Task claimAgain = task("claimItem", work);
    assertThat(candidateGroups(claimAgain)).containsExactly("dept_medical");
    complete(claimAgain, withVariables("claimDecision", "dispute"));
    assertThat(work).isWaitingAtExactly("resolveDispute");
    complete(task("resolveDispute", work), withVariables("disputeResolution", "insist"));
    complete(task("claimItem", work), withVariables("claimDecision", "claim"));

    // And then it goes on to the break-down
    assertThat(work)
        .isWaitingAtExactly("breakDownItem")
        .hasPassedInOrder(
            "claimItem", "resolveDispute", "claimItem", "resolveDispute", "claimItem");
  }

  @Test
  void itemBrokenDownIntoNoSubTasksGoesStraightToTheCompletionReport() {
    // Given an item without open sub-tasks
    routing.subTasks.put(ITEM, List.of());
    ProcessInstance work = startWork();
    complete(task("claimItem", work), withVariables("claimDecision", "claim"));

    // When it is broken down
    complete(task("breakDownItem", work));

    // Then no sub-task is created and the completion report is due
    assertThat(tasks(work.getId(), "doSubTask")).isEmpty();
    assertThat(work).isWaitingAtExactly("submitCompletionReport");
  }
}
