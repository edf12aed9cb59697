package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * The real timed models on the working-day calendar (the engine of camunda.cfg.xml has the plugin
 * of org.duban.calendar with the shipped holidays): no round or sweep starts on a holiday.
 */
class HolidayTimersTest extends ProcessTestSupport {

  Job startTimer(String processKey) {
    return jobQuery().processDefinitionKey(processKey).timers().singleResult();
  }

  void deployAt(String now, String resource) {
    setClock(at(now));
    engine.manageDeployment(
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addClasspathResource(resource)
            .deploy());
  }

  @Test
  void theMonthlyRoundDueOnNewYearsDayOpensOnTheFirstWorkingDayOfJanuary() {
    // Given the monthly check-in deployed in December 2026; 1 to 3 January 2027 are off
    deployAt("2026-12-02T10:00", "processes/monthly-check-in.bpmn");

    // Then the round opens on Monday 4 January at 08:00
    assertThat(local(startTimer("monthlyCheckIn").getDuedate())).isEqualTo("2027-01-04T08:00");
  }

  @Test
  void theWeeklySweepDueOnTheNationalDayMondayRunsOnTheFirstWorkingDayAfter() {
    // Given the weekly supervision deployed on Tuesday 29 September 2026; Monday 5 October is off
    deployAt("2026-09-29T10:00", "processes/weekly-supervision.bpmn");

    // Then the sweep runs on Thursday 8 October at 08:30 (the Monday after, 12 October, follows as
    // usual: org.duban.calendar.WorkingDayTimersTest runs the same cron through such a week)
    assertThat(local(startTimer("weeklySupervision").getDuedate())).isEqualTo("2026-10-08T08:30");
  }

  @Test
  void theWeeklySweepOfAnOrdinaryWeekStaysOnMonday() {
    deployAt("2026-03-10T10:00", "processes/weekly-supervision.bpmn");
    assertThat(local(startTimer("weeklySupervision").getDuedate())).isEqualTo("2026-03-16T08:30");
  }
}
