package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.calendar.WorkCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code monthlyCheckIn} (docs/processes.md section 3). */
@Deployment(resources = "processes/monthly-check-in.bpmn")
class MonthlyCheckInTest extends ProcessTestSupport {

  static final Long MEDICAL_ITEM = 11L;
  static final Long NURSING_ITEM = 12L;

  FakeWorkItemRouting routing;
  RecordingDelegate openCheckInRound;
  RecordingDelegate recordMissedCheckIn;
  RecordingDelegate reminders;

  /**
   * The June 2026 round (opened Monday 1 June) is due after five working days: overdue Tuesday 9
   * June.
   */
  static final Date JUNE_ROUND_OVERDUE = at("2026-06-09T09:00:00");

  @BeforeEach
  void registerBeans() {
    routing = registerWorkItemRouting();
    routing.leadGroups.put(MEDICAL_ITEM, "dept_medical");
    routing.leadGroups.put(NURSING_ITEM, "dept_nursing");
    registerOpenItems("checkInRound", MEDICAL_ITEM, NURSING_ITEM);
    openCheckInRound =
        registerDelegate(
            "openCheckInRoundDelegate",
            new RecordingDelegate(
                execution -> {
                  execution.setVariable("period", YearMonth.from(local(now())).toString());
                  execution.setVariable("checkInDueDate", JUNE_ROUND_OVERDUE);
                }));
    recordMissedCheckIn = registerDelegate("recordMissedCheckInDelegate");
    reminders = registerDelegate("taskReminderDelegate");
    Mocks.register("workCalendar", WorkCalendar.fromSeed());
  }

  @BeforeEach
  void pinClockToOrdinaryMonths() {
    // The engine moves timers off holidays (org.duban.calendar): pin a time whose next two firsts
    // of a
    // month (Monday 1 June, Wednesday 1 July 2026) are working days, so the dates below do not
    // depend
    // on when the test runs. The deployment happens after this, so the start timer counts from
    // here.
    setClock(at("2026-05-11T10:00"));
  }

  Job startTimer() {
    return jobQuery()
        .processDefinitionKey("monthlyCheckIn")
        .activityId("monthlyCheckInTimer")
        .timers()
        .singleResult();
  }

  /** Runs the timer start job at its due time and returns the round it started. */
  ProcessInstance fireMonthlyTimer() {
    Job timer = startTimer();
    setClock(timer.getDuedate());
    execute(timer);
    return processInstanceQuery().processDefinitionKey("monthlyCheckIn").singleResult();
  }

  Task checkInOf(ProcessInstance round, String group) {
    return taskQuery()
        .processInstanceId(round.getId())
        .taskDefinitionKey("submitCheckIn")
        .taskCandidateGroup(group)
        .singleResult();
  }

  List<Job> overdueTimers(ProcessInstance round) {
    return jobQuery().processInstanceId(round.getId()).activityId("checkInOverdue").timers().list();
  }

  List<Job> reminderTimers(ProcessInstance round) {
    return jobQuery()
        .processInstanceId(round.getId())
        .activityId("checkInReminder")
        .timers()
        .list();
  }

  @Test
  void timerIsScheduledForTheFirstDayOfTheMonthAt0800() {
    // Given the deployed process, Then its start timer waits for the next first of a month at 08:00
    Job timer = startTimer();
    assertThat(timer).isNotNull();
    LocalDateTime due = local(timer.getDuedate());
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.toLocalTime()).hasToString("08:00");
    assertThat(due).isAfter(local(now())).isBefore(local(now()).plusMonths(1).plusDays(1));
  }

  @Test
  void timerOpensARoundWithOneCheckInTaskPerOpenItem() {
    // Given the monthly timer is due
    Date due = startTimer().getDuedate();

    // When it fires
    ProcessInstance round = fireMonthlyTimer();

    // Then the round is opened for this month and each open item's lead department has a check-in
    // task
    assertThat(openCheckInRound.calls).hasSize(1);
    assertThat(runtimeService().getVariable(round.getId(), "period"))
        .isEqualTo(YearMonth.from(local(due)).toString());
    assertThat(round).isWaitingAt("submitCheckIn");
    assertThat(tasks(round.getId(), "submitCheckIn")).hasSize(2);
    Task medical = checkInOf(round, "dept_medical");
    Task nursing = checkInOf(round, "dept_nursing");
    assertThat(medical).isNotNull();
    assertThat(nursing).isNotNull();
    assertForm(medical, "check-in");
    assertThat(medical.getDueDate())
        .as("the task lists show when it is overdue")
        .isEqualTo(JUNE_ROUND_OVERDUE);
    assertThat(runtimeService().getVariable(medical.getExecutionId(), "workItemId"))
        .isEqualTo(MEDICAL_ITEM);
    assertThat(runtimeService().getVariable(nursing.getExecutionId(), "workItemId"))
        .isEqualTo(NURSING_ITEM);

    // And each check-in falls due when the round says, with a reminder two working days before
    assertThat(overdueTimers(round)).extracting(Job::getDuedate).containsOnly(JUNE_ROUND_OVERDUE);
    assertThat(reminderTimers(round))
        .extracting(Job::getDuedate)
        .containsOnly(at("2026-06-05T09:00:00"));

    // And the start timer is rescheduled for the first of next month
    assertThat(local(startTimer().getDuedate())).isEqualTo(local(due).plusMonths(1));
  }

  @Test
  void checkInNotSubmittedInTimeIsRemindedAndThenRecordedAsMissed() {
    // Given an open round in which the medical department checks in on day 3
    ProcessInstance round = fireMonthlyTimer();
    Date opened = now();
    setClock(Date.from(opened.toInstant().plusSeconds(3 * 24 * 3600)));
    complete(
        checkInOf(round, "dept_medical"), withVariables("percentDone", 40, "narrative", "按计划推进"));

    // Then only the nursing check-in still has a running overdue timer, not yet due
    List<Job> remaining = overdueTimers(round);
    assertThat(remaining).hasSize(1);
    assertThat(runtimeService().getVariable(remaining.get(0).getExecutionId(), "workItemId"))
        .isEqualTo(NURSING_ITEM);
    assertThat(jobQuery().processInstanceId(round.getId()).executable().count()).isZero();

    // When the reminder is due, only the nursing department, which has not checked in, is reminded
    List<Job> reminder = reminderTimers(round);
    assertThat(reminder).hasSize(1);
    setClock(reminder.get(0).getDuedate());
    execute(reminder.get(0));
    assertThat(reminders.values("workItemId")).containsExactly(NURSING_ITEM);
    assertThat(checkInOf(round, "dept_nursing")).isNotNull();

    // When the due moment has passed and the overdue timer fires
    setClock(new Date(JUNE_ROUND_OVERDUE.getTime() + 60_000));
    assertThat(jobQuery().processInstanceId(round.getId()).executable().count()).isEqualTo(1);
    execute(remaining.get(0));

    // Then the missed check-in is recorded for the nursing item only and the round is over
    assertThat(recordMissedCheckIn.values("workItemId")).containsExactly(NURSING_ITEM);
    assertThat(tasks(round.getId(), "submitCheckIn")).isEmpty();
    assertThat(round)
        .isEnded()
        .hasPassed("checkInSubmitted", "checkInOverdue", "checkInMissed", "checkInRoundClosed");
  }

  @Test
  void checkInsSubmittedInTimeAreNeverRecordedAsMissed() {
    // Given an open round
    ProcessInstance round = fireMonthlyTimer();

    // When both departments check in before the due moment
    setClock(at("2026-06-08T17:00:00"));
    complete(
        checkInOf(round, "dept_medical"), withVariables("percentDone", 40, "narrative", "按计划推进"));
    complete(
        checkInOf(round, "dept_nursing"), withVariables("percentDone", 70, "narrative", "按计划推进"));

    // Then no overdue timer is left, nothing is recorded as missed and the round is over
    assertThat(overdueTimers(round)).isEmpty();
    assertThat(recordMissedCheckIn.calls).isEmpty();
    assertThat(round).isEnded().hasNotPassed("checkInOverdue", "recordMissedCheckIn");
  }

  @Test
  void roundCanAlsoBeStartedByHand() {
    // When an administrator starts the round without waiting for the timer
    ProcessInstance round = runtimeService().startProcessInstanceByKey("monthlyCheckIn");

    // Then it opens the same check-in tasks
    assertThat(openCheckInRound.calls).hasSize(1);
    assertThat(tasks(round.getId(), "submitCheckIn")).hasSize(2);
    assertThat(overdueTimers(round)).hasSize(2);
  }
}
