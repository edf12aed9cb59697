package org.duban;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Base of the web tests: one cached application context for all of them (see {@link
 * RunningAppTest}), the test hospital, and requests made as one of its people with the real {@code
 * CurrentUser} principal. Each test makes its own task books and items, so tests do not depend on
 * each other.
 */
@RunningAppTest
public abstract class WebTestSupport {

  @Autowired protected MockMvc mvc;
  @Autowired protected TestHospital hospital;
  @Autowired protected IssuedItemFixture fixture;
  @Autowired protected TaskService taskService;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  /** The request is made by this person of the test hospital, as after a form log-in. */
  protected RequestPostProcessor as(String username) {
    return user(hospital.user(username));
  }

  /** The task as the engine has it now, or null when it is no longer open. */
  protected Task currentTask(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult();
  }
}
