package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code escalation} (docs/processes.md section 5). */
@Deployment(resources = "processes/escalation.bpmn")
class EscalationTest extends ProcessTestSupport {

  static final Long ITEM = 7L;
  static final Long ESCALATION = 44L;
  static final Long NOTICE = 31L;
  static final String LEADER = "wang.leader";
  static final Date TRIAGED_AT = at("2025-03-03T09:00:00");
  static final Date PLAN_DUE = at("2025-03-06T17:00:00");

  FakeWorkItemRouting routing;
  RecordingDelegate closeEscalation;

  @BeforeEach
  void registerBeans() {
    routing = registerWorkItemRouting();
    routing.leadGroups.put(ITEM, "dept_medical");
    routing.leaders.put(ITEM, LEADER);
    closeEscalation = registerDelegate("closeEscalationDelegate");
    setClock(TRIAGED_AT);
  }

  ProcessInstance startEscalation() {
    return runtimeService().startProcessInstanceByKey("escalation", "item-7",
        withVariables("workItemId", ITEM, "escalationId", ESCALATION));
  }

  /** Starts an escalation and issues a notice whose plan is due at {@link #PLAN_DUE}. */
  ProcessInstance startWithNotice() {
    ProcessInstance escalation = startEscalation();
    complete(task("triageEscalation", escalation),
        withVariables("triageDecision", "notice", "noticeId", NOTICE, "planDueDate", PLAN_DUE));
    return escalation;
  }

  void submitPlan(ProcessInstance escalation) {
    complete(task("submitRectificationPlan", escalation), withVariables("measures", "整改措施"));
  }

  void acceptPlanAndSubmitEvidence(ProcessInstance escalation) {
    complete(task("reviewRectificationPlan", escalation), withVariables("planDecision", "accept"));
    complete(task("submitRectificationEvidence", escalation), withVariables("evidence", "整改佐证"));
  }

  @Test
  void dismissedEscalationEndsWithoutANotice() {
    // Given a new escalation for an item
    ProcessInstance escalation = startEscalation();
    Task triage = task("triageEscalation", escalation);
    assertThat(triage).hasCandidateGroup("role_supervision");
    assertForm(triage, "triage");

    // When supervision dismisses it
    complete(triage, withVariables("triageDecision", "dismiss", "dismissReason", "已整改到位"));

    // Then it ends without asking the department for anything
    assertThat(escalation).isEnded().hasPassed("escalationDismissed")
        .hasNotPassed("submitRectificationPlan", "closeEscalation");
    assertThat(closeEscalation.calls).isEmpty();
  }

  @Test
  void noticeRunsThroughPlanSendBackEvidenceAndReopenToSignOff() {
    // Given supervision issues a notice
    ProcessInstance escalation = startWithNotice();

    // Then the lead department plans the rectification, and a timer watches the plan's due date
    Task plan = task("submitRectificationPlan", escalation);
    assertThat(plan).hasCandidateGroup("dept_medical");
    assertForm(plan, "rectification-plan");
    assertThat(timerJob(escalation.getId(), "planOverdue").getDuedate()).isEqualTo(PLAN_DUE);

    // When the plan is submitted in time the timer is gone and supervision reviews the plan
    submitPlan(escalation);
    assertThat(timerJob(escalation.getId(), "planOverdue")).isNull();
    Task review = task("reviewRectificationPlan", escalation);
    assertThat(review).hasCandidateGroup("role_supervision");
    assertForm(review, "review-plan");

    // When supervision sends the plan back, the department plans again
    complete(review, withVariables("planDecision", "sendBack", "planComment", "措施不具体"));
    assertThat(escalation).isWaitingAtExactly("submitRectificationPlan");
    submitPlan(escalation);

    // When supervision accepts, the department submits evidence
    complete(task("reviewRectificationPlan", escalation), withVariables("planDecision", "accept"));
    Task evidence = task("submitRectificationEvidence", escalation);
    assertThat(evidence).hasCandidateGroup("dept_medical");
    assertForm(evidence, "rectification-evidence");
    complete(evidence, withVariables("evidence", "整改佐证"));

    // When supervision reopens at sign-off with a new due date, the department plans again
    Task signOff = task("signOffRectification", escalation);
    assertThat(signOff).hasCandidateGroup("role_supervision");
    assertForm(signOff, "sign-off");
    Date newDue = at("2025-03-20T17:00:00");
    complete(signOff, withVariables("signOffDecision", "reopen", "planDueDate", newDue));
    assertThat(escalation).isWaitingAtExactly("submitRectificationPlan");
    assertThat(timerJob(escalation.getId(), "planOverdue").getDuedate()).isEqualTo(newDue);
    assertThat(closeEscalation.calls).isEmpty();

    // When the new plan is accepted, evidence submitted and supervision signs off
    submitPlan(escalation);
    acceptPlanAndSubmitEvidence(escalation);
    complete(task("signOffRectification", escalation), withVariables("signOffDecision", "signOff"));

    // Then the escalation is closed once
    assertThat(closeEscalation.values("workItemId")).containsExactly(ITEM);
    assertThat(closeEscalation.values("escalationId")).containsExactly(ESCALATION);
    assertThat(closeEscalation.values("noticeId")).containsExactly(NOTICE);
    assertThat(closeEscalation.values("@businessKey")).containsExactly("item-7");
    assertThat(escalation).isEnded()
        .hasPassedInOrder("triageEscalation", "submitRectificationPlan", "reviewRectificationPlan",
            "submitRectificationPlan", "reviewRectificationPlan", "submitRectificationEvidence",
            "signOffRectification", "submitRectificationPlan", "reviewRectificationPlan",
            "submitRectificationEvidence", "signOffRectification", "closeEscalation", "escalationClosed")
        .hasNotPassed("leaderFollowUp", "escalationDismissed");
  }

  @Test
  void latePlanIsFollowedUpByTheLeaderWhileThePlanStaysOpen() {
    // Given a notice whose plan is due in three days
    ProcessInstance escalation = startWithNotice();
    Task plan = task("submitRectificationPlan", escalation);
    Job overdue = timerJob(escalation.getId(), "planOverdue");
    assertThat(jobQuery().processInstanceId(escalation.getId()).executable().count()).isZero();

    // When the due date has passed and the timer fires
    setClock(new Date(PLAN_DUE.getTime() + 60_000));
    assertThat(jobQuery().processInstanceId(escalation.getId()).executable().count()).isEqualTo(1);
    execute(overdue);

    // Then the leader in charge follows up, and the very same plan task stays open
    Task followUp = task("leaderFollowUp", escalation);
    assertThat(followUp).isAssignedTo(LEADER);
    assertForm(followUp, "leader-follow-up");
    assertThat(task("submitRectificationPlan", escalation).getId()).isEqualTo(plan.getId());
    assertThat(escalation).isWaitingAt("submitRectificationPlan", "leaderFollowUp");

    // When the leader gives the instruction, only the plan is left
    complete(followUp, withVariables("instruction", "限期三日内提交"));
    assertThat(escalation).hasPassed("leaderFollowedUp").isWaitingAtExactly("submitRectificationPlan");

    // And the late plan then goes on to review as usual
    submitPlan(escalation);
    assertThat(escalation).isWaitingAtExactly("reviewRectificationPlan");
  }

  @Test
  void signOffClosesTheEscalationEvenWhileTheLeaderFollowUpIsStillOpen() {
    // Given a late plan that the leader has been asked to follow up
    ProcessInstance escalation = startWithNotice();
    setClock(new Date(PLAN_DUE.getTime() + 60_000));
    execute(timerJob(escalation.getId(), "planOverdue"));
    assertThat(task("leaderFollowUp", escalation)).isAssignedTo(LEADER);

    // When the department catches up and supervision signs the item off
    submitPlan(escalation);
    acceptPlanAndSubmitEvidence(escalation);
    complete(task("signOffRectification", escalation), withVariables("signOffDecision", "signOff"));

    // Then the escalation is closed and the leader's pointless follow-up task is gone with it
    assertThat(closeEscalation.calls).hasSize(1);
    assertThat(escalation).isEnded().hasPassed("escalationClosed").hasNotPassed("leaderFollowedUp");
    assertThat(taskQuery().processInstanceId(escalation.getId()).count()).isZero();
  }
}
