package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.camunda.bpm.engine.HistoryService;
import org.duban.WebTestSupport;
import org.duban.checkin.CheckInRounds;
import org.duban.light.NoSweepRunning;
import org.duban.light.Sweep;
import org.duban.light.SweepRepository;
import org.duban.light.WeeklySupervisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The supervision queue is for the office, leaders and admins; running the weekly sweep or a
 * check-in round by hand is for the office and admins only.
 */
class SupervisionRightsWebTest extends WebTestSupport {

  @Autowired HistoryService historyService;
  @Autowired SweepRepository sweeps;
  @Autowired WeeklySupervisionService weeklySupervision;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  @Test
  void aDepartmentHeadCanNeitherSeeTheQueueNorRunTheSweepOrARound() throws Exception {
    long sweepsBefore = startedInstances(WeeklySupervisionService.PROCESS_KEY);
    long roundsBefore = startedInstances(CheckInRounds.PROCESS_KEY);

    // When a department head opens the queue or asks for a sweep or a round
    mvc.perform(get("/supervision").with(as("tmedhead"))).andExpect(status().isForbidden());
    mvc.perform(post("/supervision/sweep").with(as("tmedhead")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/supervision/check-in-round").with(as("tmedhead")).with(csrf()))
        .andExpect(status().isForbidden());

    // Then nothing was started
    assertThat(startedInstances(WeeklySupervisionService.PROCESS_KEY)).isEqualTo(sweepsBefore);
    assertThat(startedInstances(CheckInRounds.PROCESS_KEY)).isEqualTo(roundsBefore);
  }

  @Test
  void aLeaderSeesTheQueueButCannotRunTheSweep() throws Exception {
    long before = startedInstances(WeeklySupervisionService.PROCESS_KEY);

    // When a leader opens the queue, Then it is shown without the run-now buttons
    String queue =
        mvc.perform(get("/supervision").with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(queue).contains("督查督办").doesNotContain("action=\"/supervision/sweep\"");

    // When the leader asks for a sweep, Then it is refused and none runs
    mvc.perform(post("/supervision/sweep").with(as("tleader")).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(startedInstances(WeeklySupervisionService.PROCESS_KEY)).isEqualTo(before);
  }

  @Test
  void theSupervisionOfficeRunsTheWeeklySweepByHand() throws Exception {
    // Given an open item for the sweep to light, and no sweep running
    fixture.issuedItem("周督查手动执行");
    NoSweepRunning.ensure(weeklySupervision, runtimeService);
    long before = startedInstances(WeeklySupervisionService.PROCESS_KEY);
    long sweepsBefore = sweeps.count();

    // When the office runs the sweep now
    mvc.perform(post("/supervision/sweep").with(as("tducha")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/supervision"));
    weeklySupervision.executeJobsOfRunningSweeps(); // its jobs, as the job executor would run them

    // Then one weeklySupervision process ran and recorded a finished sweep
    assertThat(startedInstances(WeeklySupervisionService.PROCESS_KEY)).isEqualTo(before + 1);
    assertThat(sweeps.count()).isEqualTo(sweepsBefore + 1);
    Sweep latest = sweeps.findAll().stream().max(Comparator.comparing(Sweep::getId)).orElseThrow();
    assertThat(latest.getFinishedAt()).isNotNull();
  }

  private long startedInstances(String processKey) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .count();
  }
}
