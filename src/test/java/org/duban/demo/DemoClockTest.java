package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.TestClock;
import org.duban.WebTestSupport;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The demo clock. The test profile runs without the demo, so the page and the bean must be absent
 * there; the clock itself is built by hand on the same context's engine.
 */
class DemoClockTest extends WebTestSupport {

  @Autowired ApplicationContext context;
  @Autowired DemoClockStateRepository states;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired WorkCalendar calendar;

  DemoClock clock;
  String deploymentId;

  @BeforeEach
  void setUp() {
    hospital.ensure();
    clock = new DemoClock(states, management, runtime, calendar, false);
  }

  @AfterEach
  void tearDown() {
    TestClock.reset();
    states.deleteAll();
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  /**
   * Moves to 09:00 of the next working day, so an hour's timer stays on that day whatever today is.
   */
  LocalDateTime nextWorkingMorning() {
    LocalDate day = calendar.nextWorkingDay(EngineClock.today().plusDays(1));
    LocalDateTime morning = day.atTime(9, 0);
    clock.moveTo(morning, "tducha");
    return morning;
  }

  @Test
  void movingThreeDaysRunsTheTimerThatFellDueAndWhatFollowsIt() {
    LocalDateTime start = nextWorkingMorning();
    deploymentId =
        repository
            .createDeployment()
            .addClasspathResource("demo/clock-timer.bpmn")
            .deploy()
            .getId();
    ProcessInstance instance = runtime.startProcessInstanceByKey("demoClockTimer");
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).executable().count())
        .isZero();

    // When the clock moves three days forward
    List<JobRun> runs = clock.moveBy(3, "tducha");

    // Then the timer ran, then the async step it led to, and the instance is over
    List<JobRun> mine =
        runs.stream().filter(run -> "demoClockTimer".equals(run.processKey())).toList();
    assertThat(mine).extracting(JobRun::activityId).containsExactly("waitAnHour", "afterTimer");
    assertThat(mine).extracting(JobRun::outcome).containsOnly(JobRun.Outcome.DONE);
    // (the clock keeps running while the test works: compare to the minute)
    assertThat(
            Duration.between(
                    EngineClock.toDate(start.plusHours(1)).toInstant(),
                    mine.get(0).dueDate().toInstant())
                .abs()
                .toMinutes())
        .isZero();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .finished()
                .count())
        .isEqualTo(1);
    // And the engine time is three days on, and the move is kept for a restart
    assertThat(Duration.between(start, EngineClock.now()).toHours()).isEqualTo(72);
    assertThat(clock.status().moved()).isTrue();
    assertThat(clock.status().movedBy()).isEqualTo("tducha");
  }

  @Test
  void movingBackwardsIsRefusedAndChangesNothing() {
    LocalDateTime start = nextWorkingMorning();
    long offset = states.findById(DemoClockState.ID).orElseThrow().getOffsetMillis();

    assertThatThrownBy(() -> clock.moveTo(start.minusDays(1), "tducha"))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).key())
        .isEqualTo("demo.clock.notBackwards");
    assertThatThrownBy(() -> clock.moveBy(0, "tducha")).isInstanceOf(UserError.class);
    assertThatThrownBy(() -> clock.moveBy(-2, "tducha")).isInstanceOf(UserError.class);

    assertThat(states.findById(DemoClockState.ID).orElseThrow().getOffsetMillis())
        .isEqualTo(offset);
    assertThat(Duration.between(start, EngineClock.now()).toMinutes()).isBetween(0L, 1L);
  }

  @Test
  void theMoveSurvivesARestart() {
    LocalDateTime start = nextWorkingMorning();

    // When the app restarts (real time again) and the clock applies what was saved
    TestClock.reset();
    new DemoClock(states, management, runtime, calendar, false).applySaved();

    // Then the engine time is where it was moved to
    assertThat(Duration.between(start, EngineClock.now()).toMinutes()).isBetween(0L, 1L);

    // And a start with clock-reset forgets it
    new DemoClock(states, management, runtime, calendar, true).run(null);
    assertThat(states.count()).isZero();
    assertThat(Duration.between(LocalDateTime.now(), EngineClock.now()).abs().toMinutes()).isZero();
  }

  @Test
  void thePageShowsTheEngineTimeAndWhatRanAndEveryPageShowsTheBanner() throws Exception {
    // The demo's controller and banner on this context's Thymeleaf, as the demo profile would wire
    // them
    MockMvc demo =
        MockMvcBuilders.standaloneSetup(new DemoClockController(clock))
            .setControllerAdvice(new DemoClockBanner(clock))
            .setViewResolvers(thymeleaf())
            .setLocaleResolver(new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE))
            .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
            .build();
    var ducha = hospital.user("tducha");
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(ducha, null, ducha.getAuthorities()));
    try {
      LocalDateTime start = nextWorkingMorning();
      deploymentId =
          repository
              .createDeployment()
              .addClasspathResource("demo/clock-timer.bpmn")
              .deploy()
              .getId();
      runtime.startProcessInstanceByKey("demoClockTimer");

      // When the visitor moves the clock two days on the page
      MvcResult moved =
          demo.perform(post("/demo/clock/days").param("days", "2"))
              .andExpect(status().is3xxRedirection())
              .andReturn();
      String page =
          demo.perform(get("/demo/clock").flashAttrs(moved.getFlashMap()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

      // Then the page shows the new engine time, whether it is a working day, and the jobs that ran
      String shown =
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd").format(start.plusDays(2));
      assertThat(page)
          .contains("引擎时间")
          .contains(shown)
          .contains(calendar.isWorkingDay(start.plusDays(2).toLocalDate()) ? "工作日" : "休息日")
          .contains("demoClockTimer")
          .contains("waitAnHour")
          .contains("afterTimer")
          .contains("完成")
          .contains("最后由 tducha 拨动");
      // And the banner says the clock is moved
      assertThat(page).contains("demo-clock-banner").contains("演示时钟已拨到 " + shown);

      // When the visitor tries to go back, Then it is refused with a message and nothing moves
      MvcResult back =
          demo.perform(post("/demo/clock/to").param("to", start.toString()))
              .andExpect(status().is3xxRedirection())
              .andReturn();
      assertThat(back.getFlashMap().get("warning")).isEqualTo("demo.clock.notBackwards");
      String refused =
          demo.perform(get("/demo/clock").flashAttrs(back.getFlashMap()))
              .andReturn()
              .getResponse()
              .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(refused).contains("时钟只能往前拨");
      assertThat(Duration.between(start.plusDays(2), EngineClock.now()).toMinutes())
          .isBetween(0L, 1L);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /**
   * A view resolver of its own (the context's is bound to the context) on the app's templates and
   * messages.
   */
  ViewResolver thymeleaf() {
    ThymeleafViewResolver resolver = new ThymeleafViewResolver();
    resolver.setTemplateEngine(context.getBean(SpringTemplateEngine.class));
    resolver.setCharacterEncoding("UTF-8");
    return resolver;
  }

  @Test
  void thereIsNoDemoClockOutsideTheDemo() throws Exception {
    assertThat(context.getBeansOfType(DemoClock.class)).isEmpty();
    mvc.perform(get("/demo/clock").with(user(hospital.user("tadmin"))))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/demo/clock/days")
                .param("days", "3")
                .with(user(hospital.user("tadmin")))
                .with(csrf()))
        .andExpect(status().isNotFound());
  }
}
