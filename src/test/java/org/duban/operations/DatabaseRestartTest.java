package org.duban.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.HttpBrowser.basic;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.HttpBrowser;
import org.duban.TestHospital;
import org.duban.fault.FaultPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database stopped and started under the running app, in this JVM on an embedded PostgreSQL
 * (same data directory and port): every request while it is away gets the 503 page or JSON fast, a
 * log-in is not taken for a wrong password, readiness goes down and liveness stays up; once it is
 * back the same session carries on and a timer that fell due meanwhile fires, with no restart.
 * {@code DatabaseRestartIT} does the same with the packaged app as its own process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.max-wait=2000", "logging.level.org.duban.operations=DEBUG", "logging.level.org.camunda.bpm.engine.jobexecutor=OFF"})
@ActiveProfiles("test")
class DatabaseRestartTest {

  static final FaultPostgres postgres = FaultPostgres.start();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", postgres::jdbcUrl);
    registry.add("spring.datasource.username", postgres::user);
    registry.add("spring.datasource.password", postgres::password);
  }

  @AfterAll
  static void dropDatabase() {
    postgres.close();
  }

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void whileTheDatabaseIsAwayEveryRequestGetsAClear503AndAfterwardsTheAppCarriesOnByItself() throws Exception {
    hospital.ensure();
    ProcessEngines.registerProcessEngine(engine);
    HttpBrowser head = HttpBrowser.onPort(port).logIn("tmedhead", TestHospital.PASSWORD);
    assertThat(head.get("/tasks").statusCode()).isEqualTo(200);
    HttpBrowser loggingIn = HttpBrowser.onPort(port);
    String logInToken = HttpBrowser.csrfOf(loggingIn.get("/login").body());

    // Given a timer that falls due while the database is away
    repositoryService.createDeployment().name("database-restart-test")
        .addModelInstance("database-restart-test.bpmn", timerProcess()).deploy();
    String instance = runtimeService.startProcessInstanceByKey("databaseRestartTimer").getId();
    Job timer = managementService.createJobQuery().processInstanceId(instance).singleResult();
    assertThat(timer).as("the timer waits").isNotNull();

    // When the database stops
    postgres.stop();
    Instant stopped = Instant.now();

    // Then a page asked for gets the outage page in Chinese, fast, with Retry-After
    HttpResponse<String> page = timed("page", () -> head.get("/tasks"));
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.headers().firstValue("Retry-After")).hasValue("15");
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("数据库暂时无法连接").contains("自动重试").doesNotContain("Exception");

    // and in English to a browser that prefers it
    HttpResponse<String> english = timed("page in English", () -> head.get("/tasks", "Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"));
    assertThat(english.statusCode()).isEqualTo(503);
    assertThat(english.body()).contains("The database is unavailable").doesNotContain("数据库");

    // and a log-in is not refused as a wrong password
    HttpResponse<String> logIn = timed("log-in", () -> loggingIn.postForm("/login",
        Map.of("username", "tmedhead", "password", TestHospital.PASSWORD), logInToken));
    assertThat(logIn.statusCode()).isEqualTo(503);
    assertThat(logIn.body()).contains("数据库暂时无法连接").contains("重新提交");

    // and REST callers get JSON: the engine's API with HTTP Basic, and a page's JSON
    HttpResponse<String> rest = timed("engine REST", () -> head.send(basic(head.request("/engine-rest/task"), "tmedhead", TestHospital.PASSWORD).GET()));
    assertThat(rest.statusCode()).isEqualTo(503);
    assertThat(rest.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(rest.body()).contains("\"error\":\"DATABASE_UNAVAILABLE\"").contains("数据库暂时无法连接");
    HttpResponse<String> json = timed("JSON", () -> head.get("/tasks", "Accept", "application/json"));
    assertThat(json.statusCode()).isEqualTo(503);
    assertThat(json.body()).startsWith("{\"status\":503");

    // and the load balancer (no session) sees the node not ready, but alive
    HttpBrowser loadBalancer = HttpBrowser.onPort(port);
    HttpResponse<String> readiness = timed("readiness", () -> loadBalancer.get("/actuator/health/readiness"));
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
    HttpResponse<String> liveness = timed("liveness", () -> loadBalancer.get("/actuator/health/liveness"));
    assertThat(liveness.statusCode()).isEqualTo(200);
    // also when the prober sends a session cookie, which it cannot look up now
    HttpResponse<String> livenessWithSession = timed("liveness with a session", () -> head.get("/actuator/health/liveness"));
    assertThat(livenessWithSession.statusCode()).isEqualTo(200);

    // When the database starts again on the same data, after the timer fell due
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), timer.getDuedate().toInstant()).toMillis() + 500));
    postgres.restart();
    Instant restarted = Instant.now();
    System.out.printf("[resilience] database away for %.1f s%n", Duration.between(stopped, restarted).toMillis() / 1e3);
    assertThat(restarted).isAfter(timer.getDuedate().toInstant());

    // Then the same session is served again without a restart of the app
    HttpResponse<String> back = awaitStatus(head, "/tasks", 200, Duration.ofSeconds(60));
    System.out.printf("[resilience] pages served again %.1f s after the database was back%n",
        Duration.between(restarted, Instant.now()).toMillis() / 1e3);
    assertThat(back.body()).doesNotContain("数据库暂时无法连接");
    assertThat(awaitStatus(loadBalancer, "/actuator/health/readiness", 200, Duration.ofSeconds(30)).body()).contains("UP");

    // and the job executor fires the timer that fell due meanwhile, once
    Instant deadline = Instant.now().plusSeconds(90);
    while (historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 0) {
      assertThat(Instant.now()).as("the timer fired after the database came back").isBefore(deadline);
      Thread.sleep(500);
    }
    System.out.printf("[resilience] the overdue timer fired %.1f s after the database was back%n",
        Duration.between(restarted, Instant.now()).toMillis() / 1e3);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("passed").count())
        .isEqualTo(1);

    // and a log-in works again
    HttpBrowser.onPort(port).logIn("tleader", TestHospital.PASSWORD);
  }

  private static BpmnModelInstance timerProcess() {
    return Bpmn.createExecutableProcess("databaseRestartTimer")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("wait").timerWithDate(isoIn(Duration.ofSeconds(6)))
        .endEvent("passed")
        .done();
  }

  private static String isoIn(Duration delay) {
    return new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss").format(Date.from(Instant.now().plus(delay)));
  }

  /** The answer, printed with how long it took; while the database is away it must not wait Hikari's old 30 s. */
  private static <T> T timed(String what, ThrowingSupplier<T> call) throws Exception {
    long begun = System.nanoTime();
    T answer = call.get();
    double seconds = (System.nanoTime() - begun) / 1e9;
    System.out.printf("[resilience] %s answered in %.2f s while the database was away%n", what, seconds);
    assertThat(seconds).as(what + " answered before Hikari's default 30 s wait").isLessThan(15);
    return answer;
  }

  private static HttpResponse<String> awaitStatus(HttpBrowser browser, String path, int status, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    HttpResponse<String> last;
    do {
      last = browser.get(path);
      if (last.statusCode() == status) {
        return last;
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    assertThat(last.statusCode()).as(path + " within " + within + ": " + last.body()).isEqualTo(status);
    return last;
  }

  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
