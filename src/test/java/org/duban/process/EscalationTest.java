package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.calendar.WorkCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code escalation} (docs/processes.md section 5): every rung of the ladder, with the engine clock
 * moved across Spring Festival and National Day 2026 and the shipped working-day calendar.
 */
@Deployment(resources = "processes/escalation.bpmn")
class EscalationTest extends ProcessTestSupport {

  static final Long ITEM = 7L;
  static final Long ESCALATION = 44L;
  static final Long NOTICE = 31L;
  static final String LEADER = "wang.leader";

  FakeWorkItemRouting routing;
  RecordingDelegate closeEscalation;
  RecordingDelegate blueReminder;
  RecordingDelegate resolve;
  RecordingDelegate reminders;
  RecordingDelegate climb;

  /** The rungs the fake ladder climbs to, and the due moments it sets below the meeting. */
  final Deque<String> rungs = new ArrayDeque<>();

  final Deque<Date> climbDues = new ArrayDeque<>();

  @BeforeEach
  void registerBeans() {
    routing = registerWorkItemRouting();
    routing.leadGroups.put(ITEM, "dept_medical");
    routing.leaders.put(ITEM, LEADER);
    Mocks.register("workCalendar", WorkCalendar.fromSeed());
    closeEscalation = registerDelegate("closeEscalationDelegate");
    blueReminder = registerDelegate("sendBlueReminderDelegate");
    resolve = registerDelegate("resolveEscalationDelegate");
    reminders = registerDelegate("taskReminderDelegate");
    climb =
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
                        climbDues.pop());
                  }
                }));
    setClock(at("2026-02-09T09:00:00"));
  }

  ProcessInstance start(String startLevel) {
    return runtimeService()
        .startProcessInstanceByKey(
            "escalation",
            "item-7",
            withVariables(
                "workItemId", ITEM, "escalationId", ESCALATION, "startLevel", startLevel));
  }

  /** A red item: triage issues a yellow notice whose plan counts as missed at {@code planDue}. */
  ProcessInstance startWithNotice(Date planDue) {
    ProcessInstance escalation = start("YELLOW");
    complete(
        task("triageEscalation", escalation),
        withVariables("triageDecision", "notice", "noticeId", NOTICE, "planDueDate", planDue));
    return escalation;
  }

  void submitPlan(ProcessInstance escalation, Date rectificationDue) {
    complete(
        task("submitRectificationPlan", escalation),
        withVariables("rectificationDue", rectificationDue));
  }

  void acceptPlan(ProcessInstance escalation) {
    complete(
        task("reviewRectificationPlan", escalation),
        withVariables(
            "planDecision", "accept", "planDueDate", timerDue(escalation, "planOverdue", null)));
  }

  Date timerDue(ProcessInstance escalation, String activityId, Date otherwise) {
    Job job = timerJob(escalation.getId(), activityId);
    return job == null ? otherwise : job.getDuedate();
  }

  void fire(ProcessInstance escalation, String timerId) {
    Job job = timerJob(escalation.getId(), timerId);
    setClock(new Date(job.getDuedate().getTime() + 60_000));
    execute(job);
  }

  @Test
  void yellowItemGetsABlueReminderAndEndsWhenBackOnTrack() {
    // Given a yellow item put on the ladder by the weekly sweep
    ProcessInstance escalation = start("BLUE");

    // Then the lead department is reminded and the escalation waits for next week's light
    assertThat(blueReminder.values("escalationId")).containsExactly(ESCALATION);
    assertThat(escalation).isWaitingAt("awaitNextSweep");
    assertThat(taskQuery().processInstanceId(escalation.getId()).count()).isZero();

    // When next week's sweep finds it green
    runtimeService()
        .createMessageCorrelation("itemBackOnTrack")
        .processInstanceId(escalation.getId())
        .correlate();

    // Then it ends without a notice
    assertThat(resolve.calls).hasSize(1);
    assertThat(escalation)
        .isEnded()
        .hasPassed("escalationResolved")
        .hasNotPassed("triageEscalation");
  }

  @Test
  void yellowItemStillLaggingAWeekLaterGoesToTriage() {
    ProcessInstance escalation = start("BLUE");

    runtimeService()
        .createMessageCorrelation("itemStillLagging")
        .processInstanceId(escalation.getId())
        .correlate();

    Task triage = task("triageEscalation", escalation);
    assertThat(triage).hasCandidateGroup("role_supervision");
    assertForm(triage, "triage");
    assertThat(resolve.calls).isEmpty();
  }

  @Test
  void redItemGoesStraightToTriageAndMayBeDismissed() {
    ProcessInstance escalation = start("YELLOW");
    assertThat(blueReminder.calls).isEmpty();

    complete(task("triageEscalation", escalation), withVariables("triageDecision", "dismiss"));

    assertThat(escalation)
        .isEnded()
        .hasPassed("escalationDismissed")
        .hasNotPassed("submitRectificationPlan");
    assertThat(closeEscalation.calls).isEmpty();
  }

  @Test
  void escalationsStartedBeforeTheLadderHadAStartLevelGoToTriage() {
    ProcessInstance escalation =
        runtimeService()
            .startProcessInstanceByKey(
                "escalation",
                "item-7",
                withVariables("workItemId", ITEM, "escalationId", ESCALATION));
    assertThat(escalation).isWaitingAtExactly("triageEscalation");
  }

  @Test
  void planDueOnASpringFestivalHolidayCountsOnTheFirstWorkingDayAfterIt() {
    // Given a plan that would count as missed on the third day of Spring Festival
    ProcessInstance escalation = startWithNotice(at("2026-02-17T09:00:00"));

    // Then the overdue timer moves to the first working day after the holiday
    assertThat(timerDue(escalation, "planOverdue", null)).isEqualTo(at("2026-02-24T09:00:00"));
    // and the reminder comes two working days before that: Monday 2026-02-24 minus two working days
    // skips the holiday to Friday the 13th and the 调休 Saturday the 14th
    assertThat(timerDue(escalation, "planReminder", null)).isEqualTo(at("2026-02-13T09:00:00"));
  }

  @Test
  void aDueMomentOnAWorkedSaturdayStaysThere() {
    // 2026-02-14 is a Saturday worked instead of a Spring Festival day (调休)
    ProcessInstance escalation = startWithNotice(at("2026-02-14T09:00:00"));
    assertThat(timerDue(escalation, "planOverdue", null)).isEqualTo(at("2026-02-14T09:00:00"));
  }

  @Test
  void reminderBeforeNationalDayFallsOnTheLastWorkingDayBeforeIt() {
    setClock(at("2026-09-21T09:00:00"));
    // Given a plan that counts as missed on Friday 2026-10-09 09:00 (the deadline was Thursday the
    // 8th)
    ProcessInstance escalation = startWithNotice(at("2026-10-09T09:00:00"));

    // Then the reminder skips the National Day holiday back to Wednesday 2026-09-30
    assertThat(timerDue(escalation, "planReminder", null)).isEqualTo(at("2026-09-30T09:00:00"));

    // When it fires, the holders of the plan task are reminded and the task stays open
    Task plan = task("submitRectificationPlan", escalation);
    fire(escalation, "planReminder");
    assertThat(reminders.calls).hasSize(1);
    assertThat(escalation).hasPassed("planReminded");
    assertThat(task("submitRectificationPlan", escalation).getId()).isEqualTo(plan.getId());
  }

  @Test
  void noticeRunsThroughPlanSendBackEvidenceAndReopenToSignOff() {
    Date planDue = at("2026-02-27T09:00:00");
    ProcessInstance escalation = startWithNotice(planDue);

    Task plan = task("submitRectificationPlan", escalation);
    assertThat(plan).hasCandidateGroup("dept_medical");
    assertForm(plan, "rectification-plan");
    assertThat(timerDue(escalation, "planOverdue", null)).isEqualTo(planDue);
    assertThat(plan.getDueDate()).as("the task lists show when it is overdue").isEqualTo(planDue);

    // When the plan is submitted in time, its timers are gone and supervision reviews it
    submitPlan(escalation, at("2026-03-13T09:00:00"));
    assertThat(timerJob(escalation.getId(), "planOverdue")).isNull();
    assertThat(timerJob(escalation.getId(), "planReminder")).isNull();
    Task review = task("reviewRectificationPlan", escalation);
    assertThat(review).hasCandidateGroup("role_supervision");
    assertForm(review, "review-plan");

    // When supervision sends it back with fresh time, the plan task and both its timers come back
    Date replanDue = at("2026-03-04T09:00:00");
    complete(review, withVariables("planDecision", "sendBack", "planDueDate", replanDue));
    assertThat(escalation).isWaitingAtExactly("submitRectificationPlan");
    assertThat(timerDue(escalation, "planOverdue", null)).isEqualTo(replanDue);
    assertThat(timerDue(escalation, "planReminder", null)).isEqualTo(at("2026-03-02T09:00:00"));

    // When the resubmitted plan is accepted, the department rectifies against its own deadline
    Date rectificationDue = at("2026-03-20T09:00:00");
    submitPlan(escalation, rectificationDue);
    acceptPlan(escalation);
    Task evidence = task("submitRectificationEvidence", escalation);
    assertThat(evidence).hasCandidateGroup("dept_medical");
    assertForm(evidence, "rectification-evidence");
    assertThat(timerDue(escalation, "rectificationOverdue", null)).isEqualTo(rectificationDue);
    assertThat(timerDue(escalation, "evidenceReminder", null)).isEqualTo(at("2026-03-18T09:00:00"));
    complete(evidence);

    // When supervision's verification reopens it, the department plans again
    Task signOff = task("signOffRectification", escalation);
    assertThat(signOff).hasCandidateGroup("role_supervision");
    assertForm(signOff, "sign-off");
    complete(
        signOff,
        withVariables("signOffDecision", "reopen", "planDueDate", at("2026-03-27T09:00:00")));
    assertThat(escalation).isWaitingAtExactly("submitRectificationPlan");
    assertThat(timerDue(escalation, "planOverdue", null)).isEqualTo(at("2026-03-27T09:00:00"));

    // When the new plan goes through and supervision signs off, the escalation closes once
    submitPlan(escalation, at("2026-04-10T09:00:00"));
    acceptPlan(escalation);
    complete(task("submitRectificationEvidence", escalation));
    complete(task("signOffRectification", escalation), withVariables("signOffDecision", "signOff"));

    assertThat(closeEscalation.values("escalationId")).containsExactly(ESCALATION);
    assertThat(closeEscalation.values("@businessKey")).containsExactly("item-7");
    assertThat(climb.calls).isEmpty();
    assertThat(escalation)
        .isEnded()
        .hasPassed("escalationClosed")
        .hasNotPassed("leaderFollowUp", "climbFromPlan");
  }

  @Test
  void missedPlanClimbsToARedNoticeTheLeaderFollowsUpWhileTheDepartmentPlansAgain() {
    ProcessInstance escalation = startWithNotice(at("2026-02-13T09:00:00"));
    Task firstPlan = task("submitRectificationPlan", escalation);
    rungs.add("RED");
    Date redDue = at("2026-03-03T09:00:00");
    climbDues.add(redDue);

    // When the plan's due moment passes
    fire(escalation, "planOverdue");

    // Then the ladder climbs once from the plan, and the leader in charge is asked to follow up
    assertThat(climb.values("resumeAt")).containsExactly("plan");
    Task followUp = task("leaderFollowUp", escalation);
    assertThat(followUp).isAssignedTo(LEADER);
    assertForm(followUp, "leader-follow-up");
    // while the department has the plan again, watched by the red notice's deadline
    Task plan = task("submitRectificationPlan", escalation);
    assertThat(plan.getId()).isNotEqualTo(firstPlan.getId());
    assertThat(timerDue(escalation, "planOverdue", null)).isEqualTo(redDue);

    // When the leader instructs, only the plan is left
    complete(followUp);
    assertThat(escalation)
        .hasPassed("leaderFollowedUp")
        .isWaitingAtExactly("submitRectificationPlan");
  }

  @Test
  void missedRectificationAfterTheRedNoticeGoesToTheMeetingWhichSetsANewDeadline() {
    ProcessInstance escalation = startWithNotice(at("2026-02-27T09:00:00"));
    submitPlan(escalation, at("2026-03-13T09:00:00"));
    acceptPlan(escalation);
    rungs.add("RED");
    climbDues.add(at("2026-03-20T09:00:00"));
    rungs.add("MEETING");

    // When the rectification deadline passes, it climbs to red and the department rectifies on
    fire(escalation, "rectificationOverdue");
    assertThat(task("leaderFollowUp", escalation)).isAssignedTo(LEADER);
    assertThat(timerDue(escalation, "rectificationOverdue", null))
        .isEqualTo(at("2026-03-20T09:00:00"));

    // When the red notice's deadline passes too, the item goes to the hospital meeting
    fire(escalation, "rectificationOverdue");
    assertThat(climb.values("resumeAt")).containsExactly("evidence", "evidence");
    Task meeting = task("recordMeetingDecision", escalation);
    assertThat(meeting).hasCandidateGroup("role_supervision");
    assertForm(meeting, "meeting-decision");
    assertThat(tasks(escalation.getId(), "submitRectificationEvidence")).isEmpty();

    // When the meeting decides to go on with a new deadline, the department rectifies again
    Date meetingDue = at("2026-04-07T09:00:00");
    complete(meeting, withVariables("meetingDecision", "continue", "rectificationDue", meetingDue));
    assertThat(tasks(escalation.getId(), "submitRectificationEvidence")).hasSize(1);
    assertThat(timerDue(escalation, "rectificationOverdue", null)).isEqualTo(meetingDue);
  }

  @Test
  void theMeetingMayEndTheSupervision() {
    ProcessInstance escalation = startWithNotice(at("2026-02-27T09:00:00"));
    rungs.addAll(List.of("RED", "MEETING"));
    climbDues.add(at("2026-03-06T09:00:00"));
    fire(escalation, "planOverdue");
    fire(escalation, "planOverdue");

    complete(task("recordMeetingDecision", escalation), withVariables("meetingDecision", "close"));

    // Then everything ends, the leader's open follow-up included
    assertThat(escalation).isEnded().hasPassed("closedByMeeting").hasNotPassed("closeEscalation");
    assertThat(taskQuery().processInstanceId(escalation.getId()).count()).isZero();
  }

  @Test
  void signOffClosesTheEscalationEvenWhileTheLeaderFollowUpIsStillOpen() {
    ProcessInstance escalation = startWithNotice(at("2026-02-27T09:00:00"));
    rungs.add("RED");
    climbDues.add(at("2026-03-06T09:00:00"));
    fire(escalation, "planOverdue");
    assertThat(task("leaderFollowUp", escalation)).isAssignedTo(LEADER);

    submitPlan(escalation, at("2026-03-13T09:00:00"));
    acceptPlan(escalation);
    complete(task("submitRectificationEvidence", escalation));
    complete(task("signOffRectification", escalation), withVariables("signOffDecision", "signOff"));

    assertThat(closeEscalation.calls).hasSize(1);
    assertThat(escalation).isEnded().hasPassed("escalationClosed").hasNotPassed("leaderFollowedUp");
    assertThat(taskQuery().processInstanceId(escalation.getId()).count()).isZero();
  }
}
