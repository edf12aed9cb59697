package org.duban.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.TestClock;
import org.duban.WebTestSupport;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 point 14: 立即执行周督查 starts the sweep in the background, so the queue page shows the
 * running sweep's progress from a small status address it polls, and the status says when it ended
 * (the page then reloads). The office and leaders may read it, a department's staff may not.
 */
class SweepProgressWebTest extends WebTestSupport {

  @Autowired WeeklySupervisionService weekly;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void noSweepRunning() {
    hospital.ensure();
    NoSweepRunning.ensure(weekly, runtimeService);
  }

  @AfterEach
  void finishOurs() {
    TestClock.reset();
    NoSweepRunning.ensure(weekly, runtimeService);
  }

  @Test
  void theQueueShowsTheRunningSweepsProgressUntilItEnds() throws Exception {
    fixture.issuedItem("周督查进度显示");
    // a new item is lit only after its first check-in or past its deadline (SweepItems): past it,
    // the
    // sweep has this item to light even when no earlier test of this JVM left one
    TestClock.at(EngineClock.now().plusDays(201));
    mvc.perform(post("/supervision/sweep").with(user(hospital.user("tducha"))).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "supervision.sweep.started"));

    String queue = page("/supervision");
    assertThat(queue)
        .contains(
            "id=\"sweep-progress\"",
            "data-status-url=\"/supervision/sweep/status\"",
            "周督查进行中：已评定 0 / ",
            "/js/sweep-progress.js");
    mvc.perform(get("/supervision/sweep/status").with(user(hospital.user("tducha"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.running").value(true))
        .andExpect(jsonPath("$.itemsDone").value(0))
        .andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.containsString("周督查进行中")));
    mvc.perform(get("/supervision/sweep/status").with(user(hospital.user("tmedstaff"))))
        .andExpect(status().isForbidden());

    // back to today, where the item waits for its first round: the sweep ends without lighting it
    TestClock.reset();
    weekly.executeJobsOfRunningSweeps();

    mvc.perform(get("/supervision/sweep/status").with(user(hospital.user("tducha"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.running").value(false));
    assertThat(page("/supervision")).doesNotContain("id=\"sweep-progress\"");
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(user(hospital.user("tducha"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
