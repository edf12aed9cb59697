package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.duban.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The working-day business calendars in the process tests' engine (camunda.cfg.xml registers the
 * plugin with the shipped seed): timers and due dates across Spring Festival and National Day 2026.
 */
class WorkingDayTimersTest {

  @RegisterExtension
  final ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  String deploymentId;

  @BeforeEach
  void engine() {
    engine = extension.getProcessEngine();
  }

  @AfterEach
  void cleanUp() {
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
    TestClock.reset();
  }

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant());
  }

  static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
  }

  /**
   * Deploys the test model with the engine clock at {@code now}, so start timers count from then.
   */
  void deployAt(String now) {
    TestClock.at(at(now));
    deploymentId =
        engine
            .getRepositoryService()
            .createDeployment()
            .addClasspathResource("calendar/working-day-timers.bpmn")
            .deploy()
            .getId();
  }

  Job timer(String processInstanceId, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(activityId)
        .timers()
        .singleResult();
  }

  Job weeklyTimer() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processDefinitionKey("weeklyOnWorkingDays")
        .timers()
        .singleResult();
  }

  @Test
  void fiveWorkingDaysAcrossSpringFestival2026() {
    // Given Friday 2026-02-13 10:00: Saturday 14th is worked, 15th to 23rd are off
    deployAt("2026-02-13T10:00");

    // When a task with a deadline of 5 working days starts
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("workingDayDeadline");

    // Then 14th, 24th, 25th, 26th and 27th are counted: due Friday 27th at 10:00
    assertThat(local(timer(instance.getId(), "deadline").getDuedate()))
        .isEqualTo("2026-02-27T10:00");
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    assertThat(local(task.getDueDate())).isEqualTo("2026-02-27T10:00");
    // And 2个工作日 as follow-up date and 3个工作日 as a timer are read the same way
    assertThat(local(task.getFollowUpDate())).isEqualTo("2026-02-24T10:00");
    assertThat(local(timer(instance.getId(), "chineseDeadline").getDuedate()))
        .isEqualTo("2026-02-25T10:00");
    // And an ordinary P1D lands on the worked Saturday, which is a working day
    assertThat(local(timer(instance.getId(), "reminder").getDuedate()))
        .isEqualTo("2026-02-14T10:00");
  }

  @Test
  void fiveWorkingDaysAcrossNationalDay2026() {
    // Given Tuesday 2026-09-29 09:00: 1st to 7th October are off, Saturday 10th is worked
    deployAt("2026-09-29T09:00");

    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("workingDayDeadline");

    // Then 30th, 8th, 9th, 10th (Saturday) and 12th are counted
    assertThat(local(timer(instance.getId(), "deadline").getDuedate()))
        .isEqualTo("2026-10-12T09:00");
    // And a P1D reminder due on Wednesday 30th stays there
    assertThat(local(timer(instance.getId(), "reminder").getDuedate()))
        .isEqualTo("2026-09-30T09:00");
  }

  @Test
  void anIsoDurationEndingOnARestDayMovesToTheNextWorkingDay() {
    // Given Wednesday 2026-09-30 16:00: a P1D reminder would fall on National Day
    deployAt("2026-09-30T16:00");

    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("workingDayDeadline");

    // Then it fires on Thursday 8th October at the same time
    assertThat(local(timer(instance.getId(), "reminder").getDuedate()))
        .isEqualTo("2026-10-08T16:00");

    // And when it fires there, the deadline is still ahead and the task still open
    Job reminder = timer(instance.getId(), "reminder");
    TestClock.at(reminder.getDuedate());
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(
            engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void anIsoDurationOnAnOrdinaryWeekendMovesToMonday() {
    // Given Friday 2026-03-06 10:00
    deployAt("2026-03-06T10:00");

    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("workingDayDeadline");

    // Then P1D (Saturday) moves to Monday 9th; 5 working days is Friday 13th
    assertThat(local(timer(instance.getId(), "reminder").getDuedate()))
        .isEqualTo("2026-03-09T10:00");
    assertThat(local(timer(instance.getId(), "deadline").getDuedate()))
        .isEqualTo("2026-03-13T10:00");
  }

  @Test
  void weeklyCronOnAHolidayMondayFiresOnTheNextWorkingDayThenOnTheOrdinaryMonday() {
    // Given the weekly Monday 08:30 start timer deployed on Tuesday 2026-09-29; Monday 5th October
    // is off
    deployAt("2026-09-29T12:00");

    // Then it waits for Thursday 8th October 08:30, the first working day after
    Job first = weeklyTimer();
    assertThat(local(first.getDuedate())).isEqualTo("2026-10-08T08:30");

    // When it fires then
    TestClock.at(first.getDuedate());
    engine.getManagementService().executeJob(first.getId());

    // Then a sweep ran and the next one is the ordinary Monday, 12th October 08:30
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("weeklyOnWorkingDays")
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(local(weeklyTimer().getDuedate())).isEqualTo("2026-10-12T08:30");
  }

  @Test
  void weeklyCronAcrossSpringFestival() {
    // Given the timer deployed on Tuesday 2026-02-10; Monday 16th and 23rd are off
    deployAt("2026-02-10T12:00");

    Job first = weeklyTimer();
    assertThat(local(first.getDuedate())).isEqualTo("2026-02-24T08:30");

    TestClock.at(first.getDuedate());
    engine.getManagementService().executeJob(first.getId());

    // Then the next is Monday 2nd March: the skipped Mondays do not fire twice
    assertThat(local(weeklyTimer().getDuedate())).isEqualTo("2026-03-02T08:30");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("weeklyOnWorkingDays")
                .count())
        .isEqualTo(1);
  }
}
