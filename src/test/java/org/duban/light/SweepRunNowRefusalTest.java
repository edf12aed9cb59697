package org.duban.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 立即执行周督查 is refused while a sweep runs, whether someone else pressed it or the weekly timer
 * started it: the running sweep is read from the database, and the refusal shows its progress. Once
 * it has finished, "run now" starts a sweep again.
 */
class SweepRunNowRefusalTest extends WebTestSupport {

  @Autowired WeeklySupervisionService weekly;
  @Autowired SweepRepository sweeps;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired org.duban.checkin.CheckInService checkIns;

  /** An open item past its first round (a missed check-in): the sweep lights it. */
  private void itemToLight(String title) {
    checkIns.recordMissed(fixture.issuedItem(title).itemId(), "2026-01");
  }

  @BeforeEach
  void noSweepRunning() {
    hospital.ensure();
    finishRunningSweeps();
  }

  @AfterEach
  void finishOurs() {
    finishRunningSweeps();
  }

  /** Runs what other tests left running to its end; a sweep stuck on a failed job is removed. */
  private void finishRunningSweeps() {
    weekly.executeJobsOfRunningSweeps();
    weekly
        .runningSweep()
        .ifPresent(
            stuck ->
                runtimeService.deleteProcessInstance(stuck.processInstanceId(), "test clean-up"));
    assertThat(weekly.runningSweep()).isEmpty();
  }

  private long instances() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(WeeklySupervisionService.PROCESS_KEY)
        .count();
  }

  @Test
  void aSecondRunNowIsRefusedWithTheRunningSweepsProgressAndStartsNothing() throws Exception {
    // Given two open items and a sweep the office started, whose jobs have not run yet
    itemToLight("周督查进行中一");
    itemToLight("周督查进行中二");
    mvc.perform(post("/supervision/sweep").with(user(hospital.user("tducha"))).with(csrf()))
        .andExpect(status().is3xxRedirection());
    RunningSweep running = weekly.runningSweep().orElseThrow();
    assertThat(running.startedBy()).isEqualTo("tducha");
    assertThat(running.itemsDone()).isZero();
    assertThat(running.itemCount()).isGreaterThanOrEqualTo(2);
    long instances = instances();
    long sweepRecords = sweeps.count();

    // When an admin presses 立即执行周督查 too
    MvcResult refused =
        mvc.perform(post("/supervision/sweep").with(user(hospital.user("tadmin"))).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/supervision"))
            .andReturn();

    // Then no second sweep was started
    assertThat(instances()).isEqualTo(instances);
    assertThat(sweeps.count()).isEqualTo(sweepRecords);
    // and the page says a sweep is running, with its progress, start and starter, in Chinese and
    // English
    // (the redirect's page, in the session that carries the flash attributes, in the database)
    var session = refused.getResponse().getCookie("JSESSIONID");
    String page =
        mvc.perform(get("/supervision").with(user(hospital.user("tadmin"))).cookie(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("周督查正在进行，未再次执行：已评定 0 / " + running.itemCount() + " 项", "由 测试督查 启动");
    MvcResult refusedAgain =
        mvc.perform(post("/supervision/sweep").with(user(hospital.user("tadmin"))).with(csrf()))
            .andReturn();
    String english =
        mvc.perform(
                get("/supervision")
                    .param("lang", "en")
                    .with(user(hospital.user("tadmin")))
                    .cookie(refusedAgain.getResponse().getCookie("JSESSIONID")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(english)
        .contains(
            "A weekly supervision is running",
            "0 of " + running.itemCount() + " items rated",
            "by 测试督查");

    // When the first sweep has lit one item, the refusal counts it
    executeOneItemJob(running.processInstanceId());
    assertThatThrownBy(() -> weekly.runNow("tadmin"))
        .isInstanceOfSatisfying(
            SweepAlreadyRunning.class, e -> assertThat(e.running().itemsDone()).isEqualTo(1));

    // When it has finished, Then run now starts a new sweep
    weekly.executeJobsOf(running.processInstanceId());
    assertThat(weekly.runningSweep()).isEmpty();
    String second = weekly.runNow("tadmin");
    assertThat(weekly.runningSweep())
        .get()
        .extracting(RunningSweep::processInstanceId)
        .isEqualTo(second);
  }

  @Test
  void runNowIsRefusedWhileTheTimersSweepRuns() {
    // Given an open item, and the weekly timer fired (its job run by hand, as the job executor
    // would)
    itemToLight("定时周督查进行中");
    Job timer =
        managementService
            .createJobQuery()
            .processDefinitionKey(WeeklySupervisionService.PROCESS_KEY)
            .activityId("weeklySupervisionTimer")
            .timers()
            .singleResult();
    managementService.executeJob(timer.getId());
    long instances = instances();

    // When the office presses run now, Then it is refused, naming the timer as the starter
    assertThatThrownBy(() -> weekly.runNow("tducha"))
        .isInstanceOfSatisfying(
            SweepAlreadyRunning.class,
            e -> {
              assertThat(e.running().startedBy()).isNull();
              assertThat(e.running().itemsDone()).isZero();
            });
    assertThat(instances()).isEqualTo(instances);
  }

  /** Runs jobs of the sweep until one more item has its light. */
  private void executeOneItemJob(String instanceId) {
    RunningSweep before = weekly.runningSweep().orElseThrow();
    while (weekly.runningSweep().orElseThrow().itemsDone() == before.itemsDone()) {
      Job job =
          managementService
              .createJobQuery()
              .processInstanceId(instanceId)
              .executable()
              .listPage(0, 1)
              .get(0);
      managementService.executeJob(job.getId());
    }
  }
}
