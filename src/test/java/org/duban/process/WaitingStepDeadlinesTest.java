package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.assessment.AssessmentService;
import org.duban.assessment.DeemScoreAcceptedDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.notification.Message;
import org.duban.notification.Recipients;
import org.duban.task.OverdueTaskHandover;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 9: every waiting human step has a deadline in working days (the task's due date
 * and an overdue timer at the same moment, from {@code stepDeadlines}), a reminder before it, and a
 * next person once it is missed ({@link OverdueTaskHandover}, the real one, with the engine's task
 * service). Dates are around Spring Festival 2026 (holiday 15-23 February, Saturday the 14th
 * worked: 调休).
 */
@Deployment(
    resources = {
      "processes/escalation.bpmn",
      "processes/task-book-issuance.bpmn",
      "processes/department-work.bpmn",
      "processes/year-end-assessment.bpmn"
    })
class WaitingStepDeadlinesTest extends ProcessTestSupport {

  static final Long ITEM = 7L;
  static final String LEADER = "wang.leader";
  static final String ISSUER = "li.ke";

  RecordingDelegate reminders;
  final List<Message> sent = new ArrayList<>();
  AssessmentService assessments;

  @BeforeEach
  void registerBeans() {
    FakeWorkItemRouting routing = registerWorkItemRouting();
    routing.leadGroups.put(ITEM, "dept_medical");
    routing.leaders.put(ITEM, LEADER);
    Mocks.register("workCalendar", WorkCalendar.fromSeed());
    for (String name :
        List.of(
            "closeEscalationDelegate",
            "sendBlueReminderDelegate",
            "resolveEscalationDelegate",
            "endEscalationWithItemDelegate",
            "issueTaskBookDelegate",
            "closeTaskBookDelegate",
            "closeWorkItemDelegate",
            "scoreAssessmentDelegate")) {
      registerDelegate(name);
    }
    registerDelegate(
        "climbLadderDelegate", new RecordingDelegate(e -> e.setVariable("ladderLevel", "MEETING")));
    reminders = registerDelegate("taskReminderDelegate");

    Recipients recipients = mock(Recipients.class);
    when(recipients.activeOnly(any()))
        .thenAnswer(call -> new LinkedHashSet<>(call.<Collection<String>>getArgument(0)));
    when(recipients.ofGroup(anyString()))
        .thenAnswer(call -> Set.of("member-of-" + call.getArgument(0)));
    Mocks.register(
        "handOverOverdueTaskDelegate",
        new OverdueTaskHandover(processEngine.getTaskService(), sent::add, recipients));

    assessments = mock(AssessmentService.class);
    Mocks.register("deemScoreAcceptedDelegate", new DeemScoreAcceptedDelegate(assessments));
    YearEndAssessmentTest.FakeAssessmentRouting assessmentRouting =
        new YearEndAssessmentTest.FakeAssessmentRouting();
    assessmentRouting.leaders.put(YearEndAssessmentTest.NURSING, List.of("fu.yuanzhang"));
    Mocks.register("assessmentRouting", assessmentRouting);
    FakeTaskBookRouting books = new FakeTaskBookRouting();
    books.items.put(9L, List.of());
    books.signingGroups.put(9L, List.of("dept_medical"));
    Mocks.register("taskBookRouting", books);
  }

  Job timer(ProcessInstance instance, String activityId) {
    Job job = timerJob(instance.getId(), activityId);
    assertThat(job).as("timer %s", activityId).isNotNull();
    return job;
  }

  void fire(Job job) {
    setClock(new Date(job.getDuedate().getTime() + 60_000));
    execute(job);
  }

  /**
   * The common contract of a waiting step: the task's due date is its overdue timer's moment; the
   * reminder comes first and leaves the task where it is; the overdue timer tells the next person
   * and leaves the task open for its holders.
   */
  Task assertDeadline(
      ProcessInstance instance,
      String taskKey,
      String reminderId,
      String overdueId,
      Date due,
      Date remindAt) {
    Task task = task(taskKey, instance);
    assertThat(task.getDueDate()).as("due date of %s", taskKey).isEqualTo(due);
    assertThat(timer(instance, overdueId).getDuedate())
        .as("overdue timer of %s", taskKey)
        .isEqualTo(due);
    assertThat(timer(instance, reminderId).getDuedate())
        .as("reminder of %s", taskKey)
        .isEqualTo(remindAt);

    fire(timer(instance, reminderId));
    assertThat(reminders.calls).as("reminders after %s", reminderId).hasSize(1);
    assertThat(sent).as("nobody is handed the step at the reminder").isEmpty();

    fire(timer(instance, overdueId));
    assertThat(sent).as("messages after %s", overdueId).hasSize(1);
    Task still = task(taskKey, instance);
    assertThat(still.getId())
        .as("the task stays open with what was entered")
        .isEqualTo(task.getId());
    return still;
  }

  @Test
  void triageIsDueInTwoWorkingDaysAndThenGoesToTheLeaderInCharge() {
    // Thursday 12 February: two working days are Friday the 13th and the worked Saturday the 14th,
    // so it counts as missed on the first working day after the holiday
    setClock(at("2026-02-12T10:30:00"));
    ProcessInstance escalation =
        runtimeService()
            .startProcessInstanceByKey(
                "escalation",
                "item-7",
                withVariables("workItemId", ITEM, "escalationId", 44L, "startLevel", "YELLOW"));
    // an office member took the triage and then sat on it
    taskService().claim(task("triageEscalation", escalation).getId(), "zhao.ducha");

    Task triage =
        assertDeadline(
            escalation,
            "triageEscalation",
            "triageReminder",
            "triageOverdue",
            at("2026-02-24T09:00:00"),
            at("2026-02-14T09:00:00"));

    // it is a shared task again, which its holder keeps and the leader in charge may take
    assertThat(triage.getAssignee()).isNull();
    assertThat(candidateUsers(triage)).containsExactlyInAnyOrder("zhao.ducha", LEADER);
    assertThat(candidateGroups(triage)).containsExactly("role_supervision");
    assertThat(sent.get(0).recipients()).containsExactly(LEADER);
    assertThat(sent.get(0).body()).contains("研判").contains("2026-02-24 09:00");
    assertThat(sent.get(0).eventKey()).isEqualTo("overdue-" + triage.getId() + "-triageOverdue");
  }

  @Test
  void theMeetingRecordIsDueInFiveWorkingDaysAndThenGoesToTheLeaderInCharge() {
    setClock(at("2026-02-09T09:00:00"));
    ProcessInstance escalation =
        runtimeService()
            .startProcessInstanceByKey(
                "escalation",
                "item-7",
                withVariables("workItemId", ITEM, "escalationId", 44L, "startLevel", "YELLOW"));
    complete(
        task("triageEscalation", escalation),
        withVariables("triageDecision", "notice", "planDueDate", at("2026-02-11T09:00:00")));
    // the plan is missed on Wednesday the 11th at 09:00 and the (fake) ladder goes to the meeting
    fire(timer(escalation, "planOverdue"));
    reminders.calls.clear();

    // five working days from Wednesday the 11th: 12, 13, 14 (worked Saturday), 24, 25 → missed on
    // the 26th
    Task meeting =
        assertDeadline(
            escalation,
            "recordMeetingDecision",
            "meetingReminder",
            "meetingOverdue",
            at("2026-02-26T09:00:00"),
            at("2026-02-25T09:00:00"));
    assertThat(candidateUsers(meeting)).containsExactly(LEADER);
    assertThat(sent.get(0).recipients()).containsExactly(LEADER);
  }

  ProcessInstance bookUnderReview() {
    ProcessInstance issuance =
        runtimeService()
            .startProcessInstanceByKey(
                "taskBookIssuance", "book-9", withVariables("taskBookId", 9L, "issuer", ISSUER));
    complete(task("draftTaskBook", issuance));
    return issuance;
  }

  @Test
  void aBookReviewIsDueInFiveWorkingDaysAndTheDrafterIsToldToChaseIt() {
    setClock(at("2026-09-25T15:00:00"));
    ProcessInstance issuance = bookUnderReview();

    // Friday 25 September 2026, Mid-Autumn (25-27 September), then National Day (1-7 October): five
    // working days are 28, 29, 30 September, 8 and 9 October; missed on the worked Saturday the
    // 10th (调休)
    Task review =
        assertDeadline(
            issuance,
            "reviewTaskBook",
            "bookReviewReminder",
            "bookReviewOverdue",
            at("2026-10-10T09:00:00"),
            at("2026-10-09T09:00:00"));

    // the drafter is told, but is not given the review of their own book
    assertThat(sent.get(0).recipients()).containsExactly(ISSUER);
    assertThat(sent.get(0).title()).contains("逾期督促");
    assertThat(candidateUsers(review)).isEmpty();
    assertThat(candidateGroups(review)).containsExactly("role_leader");
  }

  @Test
  void signingAndItsQuestionEachHaveADeadlineAndANextPerson() {
    setClock(at("2026-03-02T09:00:00"));
    ProcessInstance issuance = bookUnderReview();
    complete(task("reviewTaskBook", issuance), withVariables("reviewDecision", "approve"));

    // signing: five working days from Monday 2 March, missed Tuesday the 10th; the issuer chases it
    Task sign =
        assertDeadline(
            issuance,
            "signTaskBook",
            "signingReminder",
            "signingOverdue",
            at("2026-03-10T09:00:00"),
            at("2026-03-09T09:00:00"));
    assertThat(sent.get(0).recipients()).containsExactly(ISSUER);
    assertThat(candidateUsers(sign)).as("nobody signs for the department").isEmpty();

    // a question raised on Wednesday the 11th is due in three working days: missed Monday the 16th;
    // the
    // supervision office may answer it in the issuer's place
    setClock(at("2026-03-11T11:00:00"));
    complete(sign, withVariables("signDecision", "question"));
    reminders.calls.clear();
    sent.clear();
    Task question =
        assertDeadline(
            issuance,
            "answerSigningQuestion",
            "questionReminder",
            "questionOverdue",
            at("2026-03-17T09:00:00"),
            at("2026-03-16T09:00:00"));
    // the issuer's own task becomes a shared one the issuer and the office may take
    assertThat(question.getAssignee()).isNull();
    assertThat(candidateUsers(question)).containsExactly(ISSUER);
    assertThat(candidateGroups(question)).containsExactly("role_supervision");
    assertThat(sent.get(0).recipients()).containsExactly("member-of-role_supervision");
  }

  @Test
  void anUnansweredScoreReviewIsRemindedToldToTheLeaderAndThenCountsAsAccepted() {
    setClock(at("2026-12-28T09:00:00"));
    ProcessInstance assessment =
        runtimeService()
            .startProcessInstanceByKey(
                "yearEndAssessment",
                "assessment-7",
                withVariables("assessmentId", 7L, "taskBookId", 3L));
    Task medical =
        tasks(assessment.getId(), "reviewScore").stream()
            .filter(t -> candidateGroups(t).contains("dept_" + YearEndAssessmentTest.MEDICAL))
            .findFirst()
            .orElseThrow();
    runtimeService().setVariable(medical.getExecutionId(), "assessmentResponse", "accept");
    taskService().complete(medical.getId());

    // Monday 28 December: 29, 30, 31, (1-3 January 2027 New Year), 4, 5 → missed Wednesday 6
    // January
    Date due = at("2027-01-06T09:00:00");
    assertThat(tasks(assessment.getId(), "reviewScore")).hasSize(1);
    Task nursing = tasks(assessment.getId(), "reviewScore").get(0);
    assertThat(nursing.getDueDate()).isEqualTo(due);
    assertThat(timer(assessment, "reviewOverdue").getDuedate()).isEqualTo(due);
    assertThat(timer(assessment, "reviewReminder").getDuedate())
        .isEqualTo(at("2027-01-05T09:00:00"));
    fire(timer(assessment, "reviewReminder"));
    assertThat(reminders.calls).hasSize(1);
    fire(timer(assessment, "reviewOverdue"));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).recipients()).containsExactly("fu.yuanzhang");
    assertThat(candidateUsers(nursing))
        .as("the leader does not answer for the department")
        .isEmpty();
    assertThat(tasks(assessment.getId(), "publishResults")).isEmpty();

    // three working days of grace later the unanswered review counts as accepted, and publication
    // may go on
    assertThat(timer(assessment, "reviewUnanswered").getDuedate())
        .isEqualTo(at("2027-01-11T09:00:00"));
    fire(timer(assessment, "reviewUnanswered"));

    assertThat(tasks(assessment.getId(), "reviewScore")).isEmpty();
    assertThat(assessment).isWaitingAt("publishResults").hasPassed("reviewDeemedAccepted");
    assertThat(runtimeService().getVariable(assessment.getId(), "unansweredDepartmentIds"))
        .isEqualTo(String.valueOf(YearEndAssessmentTest.NURSING));
    verify(assessments).deemAccepted(7L, YearEndAssessmentTest.NURSING);
  }
}
