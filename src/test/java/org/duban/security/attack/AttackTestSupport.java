package org.duban.security.attack;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Base of the attack suite's MockMvc cases: the one cached application (see {@link RunningAppTest}),
 * the test hospital, requests as one of its people, and the database's state before and after.
 */
@RunningAppTest
abstract class AttackTestSupport {

  /** Payloads that would run if a page put them out unescaped. */
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String SVG = "'><svg onload=alert(1)>";

  @Autowired protected MockMvc mvc;
  @Autowired protected TestHospital hospital;
  @Autowired protected IssuedItemFixture fixture;
  @Autowired protected TaskService taskService;
  @Autowired protected JdbcTemplate jdbc;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  protected RequestPostProcessor as(String username) {
    return user(hospital.user(username));
  }

  protected Task currentTask(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult();
  }

  protected DatabaseState databaseState() {
    return DatabaseState.of(jdbc);
  }

  protected void assertNothingChangedSince(DatabaseState before) {
    before.assertUnchanged(jdbc);
  }

  /** The page's HTML as the browser gets it. */
  protected String page(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
