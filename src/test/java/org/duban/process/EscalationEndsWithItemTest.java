package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.function.Consumer;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.calendar.WorkCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 8: an escalation ends when its item closes (accepted, or cancelled by a change),
 * at whichever rung it waits, and the blue step's wait for the next sweep has a deadline of its
 * own. The message is correlated the way EscalationEndsWithItem does it: by the item's business
 * key, with why.
 */
@Deployment(resources = "processes/escalation.bpmn")
class EscalationEndsWithItemTest extends ProcessTestSupport {

  static final Long ITEM = 7L;
  static final Long ESCALATION = 44L;

  RecordingDelegate endedWithItem;
  final Deque<String> rungs = new ArrayDeque<>();

  @BeforeEach
  void registerBeans() {
    FakeWorkItemRouting routing = registerWorkItemRouting();
    routing.leadGroups.put(ITEM, "dept_medical");
    routing.leaders.put(ITEM, "wang.leader");
    Mocks.register("workCalendar", WorkCalendar.fromSeed());
    registerDelegate("closeEscalationDelegate");
    registerDelegate("sendBlueReminderDelegate");
    registerDelegate("resolveEscalationDelegate");
    registerDelegate("taskReminderDelegate");
    registerDelegate("handOverOverdueTaskDelegate");
    endedWithItem = registerDelegate("endEscalationWithItemDelegate");
    registerDelegate(
        "climbLadderDelegate",
        new RecordingDelegate(
            execution -> {
              String rung = rungs.pop();
              execution.setVariable("ladderLevel", rung);
              if (!rung.equals("MEETING")) {
                String resumeAt = (String) execution.getVariableLocal("resumeAt");
                execution.setVariable(
                    resumeAt.equals("plan") ? "planDueDate" : "rectificationDue",
                    at("2026-03-20T09:00:00"));
              }
            }));
    setClock(at("2026-02-09T09:00:00"));
  }

  ProcessInstance start(String startLevel) {
    return runtimeService()
        .startProcessInstanceByKey(
            "escalation",
            "item-" + ITEM,
            withVariables(
                "workItemId", ITEM, "escalationId", ESCALATION, "startLevel", startLevel));
  }

  ProcessInstance withNotice() {
    ProcessInstance escalation = start("YELLOW");
    complete(
        task("triageEscalation", escalation),
        withVariables("triageDecision", "notice", "planDueDate", at("2026-02-27T09:00:00")));
    return escalation;
  }

  void fire(ProcessInstance escalation, String timerId) {
    Job job = timerJob(escalation.getId(), timerId);
    setClock(new Date(job.getDuedate().getTime() + 60_000));
    execute(job);
  }

  /** What the item's owner does when the item closes (EscalationEndsWithItem). */
  void itemCloses(String why) {
    runtimeService()
        .createMessageCorrelation("itemClosed")
        .processInstanceBusinessKey("item-" + ITEM)
        .setVariable("itemClosedBecause", why)
        .correlateAll();
  }

  /**
   * Closing the item at the rung the instance was brought to leaves nothing of the escalation
   * behind.
   */
  void assertEndsWhenAccepted(ProcessInstance escalation, String waitingAt) {
    assertThat(escalation).isWaitingAt(waitingAt);

    itemCloses("ACCEPTED");

    assertThat(escalation).isEnded().hasPassed("escalationEndedWithItem");
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("item-" + ITEM)
                .count())
        .as("escalation instances of the item left after it closed at %s", waitingAt)
        .isZero();
    assertThat(
            processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(escalation.getId())
                .count())
        .as("tasks chasing the closed item")
        .isZero();
    assertThat(
            processEngine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(escalation.getId())
                .count())
        .as("timers still waiting for the closed item")
        .isZero();
    assertThat(endedWithItem.values("escalationId")).containsExactly(ESCALATION);
    assertThat(endedWithItem.values("itemClosedBecause")).containsExactly("ACCEPTED");
  }

  void ladderAt(Consumer<ProcessInstance> steps, ProcessInstance escalation, String waitingAt) {
    steps.accept(escalation);
    assertEndsWhenAccepted(escalation, waitingAt);
  }

  @Test
  void acceptedWhileTheBlueStepWaitsForTheNextSweep() {
    assertEndsWhenAccepted(start("BLUE"), "awaitNextSweep");
  }

  @Test
  void acceptedWhileTheOfficeTriages() {
    assertEndsWhenAccepted(start("YELLOW"), "triageEscalation");
  }

  @Test
  void acceptedWhileTheYellowNoticeWaitsForThePlan() {
    assertEndsWhenAccepted(withNotice(), "submitRectificationPlan");
  }

  @Test
  void acceptedWhileThePlanIsReviewed() {
    ladderAt(
        e ->
            complete(
                task("submitRectificationPlan", e),
                withVariables("rectificationDue", at("2026-03-13T09:00:00"))),
        withNotice(),
        "reviewRectificationPlan");
  }

  @Test
  void acceptedWhileTheDepartmentRectifies() {
    ladderAt(
        e -> {
          complete(
              task("submitRectificationPlan", e),
              withVariables("rectificationDue", at("2026-03-13T09:00:00")));
          complete(task("reviewRectificationPlan", e), withVariables("planDecision", "accept"));
        },
        withNotice(),
        "submitRectificationEvidence");
  }

  @Test
  void acceptedWhileTheOfficeVerifies() {
    ladderAt(
        e -> {
          complete(
              task("submitRectificationPlan", e),
              withVariables("rectificationDue", at("2026-03-13T09:00:00")));
          complete(task("reviewRectificationPlan", e), withVariables("planDecision", "accept"));
          complete(task("submitRectificationEvidence", e));
        },
        withNotice(),
        "signOffRectification");
  }

  @Test
  void acceptedAtTheRedNoticeWhileTheLeaderFollowsUpAndTheDepartmentPlansAgain() {
    ladderAt(
        e -> {
          rungs.add("RED");
          fire(e, "planOverdue");
          assertThat(e).isWaitingAt("leaderFollowUp", "submitRectificationPlan");
        },
        withNotice(),
        "leaderFollowUp");
  }

  @Test
  void acceptedWhileTheMeetingIsAwaited() {
    ladderAt(
        e -> {
          rungs.add("RED");
          rungs.add("MEETING");
          fire(e, "planOverdue");
          fire(e, "planOverdue");
        },
        withNotice(),
        "recordMeetingDecision");
  }

  @Test
  void cancelledByAChangeEndsItTooAndSaysSo() {
    ProcessInstance escalation = withNotice();

    itemCloses("CANCELLED");

    assertThat(escalation).isEnded().hasPassed("escalationEndedWithItem");
    assertThat(endedWithItem.values("itemClosedBecause")).containsExactly("CANCELLED");
  }

  @Test
  void anEscalationOfAnotherItemIsNotTouched() {
    ProcessInstance escalation = withNotice();

    runtimeService()
        .createMessageCorrelation("itemClosed")
        .processInstanceBusinessKey("item-8")
        .setVariable("itemClosedBecause", "ACCEPTED")
        .correlateAll();

    assertThat(escalation).isWaitingAt("submitRectificationPlan");
    assertThat(endedWithItem.calls).isEmpty();
  }

  @Test
  void theBlueWaitHasADeadlineOfItsOwnAfterWhichTheOfficeTriages() {
    // Given a blue reminder sent on Thursday 2026-02-05, before Spring Festival (15-23 February
    // 2026)
    setClock(at("2026-02-05T10:00:00"));
    ProcessInstance escalation = start("BLUE");

    // Then the wait for the next sweep ends at the latest 7 working days later, counted over the
    // 调休 Saturday the 14th and around the holiday: last day Saturday 2026-02-14, missed Tuesday the
    // 24th
    Job wait = timerJob(escalation.getId(), "nextSweepOverdue");
    assertThat(wait).as("a timer on the blue step's wait").isNotNull();
    assertThat(wait.getDuedate()).isEqualTo(at("2026-02-24T09:00:00"));

    // When no sweep came by then, the office triages the item instead of it waiting forever
    fire(escalation, "nextSweepOverdue");
    assertThat(escalation).isWaitingAtExactly("triageEscalation");
  }
}
