package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.HttpBrowser.basic;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.duban.HttpBrowser;
import org.junit.jupiter.api.Test;

/**
 * The database stopped and started under Duban running as its own process (the packaged jar on the
 * postgres profile, sessions in the database): while it is away a person gets the 503 page in a few
 * seconds, a REST caller JSON, the load balancer a failing readiness and a passing liveness; once it
 * is back, with no restart of the app, the same log-in goes on, a timer that fell due meanwhile fires
 * and the notification dispatcher sends again.
 */
class DatabaseRestartIT {

  private static final String ADMIN = "admin";
  private static final String PASSWORD = "duban123";

  @Test
  void theAppAnswersClearlyWhileTheDatabaseIsAwayAndRecoversByItself() throws Exception {
    try (FaultPostgres db = FaultPostgres.start();
        RobotReceiver robot = RobotReceiver.start(0);
        AppProcess app = db.node("database-restart").env("DUBAN_NOTIFY_INTERVAL", "PT2S")
            .property("logging.level.org.duban.operations", "DEBUG")) {
      app.start();
      HttpBrowser yiwu = new HttpBrowser(app.baseUrl()).logIn("yiwu", PASSWORD);
      assertThat(yiwu.get("/tasks").statusCode()).isEqualTo(200);
      HttpBrowser rest = new HttpBrowser(app.baseUrl());
      HttpBrowser loadBalancer = new HttpBrowser(app.baseUrl());
      HttpBrowser loggingIn = new HttpBrowser(app.baseUrl());
      String logInToken = HttpBrowser.csrfOf(loggingIn.get("/login").body());

      // Given a timer that falls due while the database is away
      String instance = startTimerProcess(app.baseUrl(), OffsetDateTime.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS));

      // When the database stops
      db.stop();
      Instant stopped = Instant.now();

      // Then the person's next page is the outage page, in a few seconds
      HttpResponse<String> page = timed("page", () -> yiwu.get("/tasks"));
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.headers().firstValue("Retry-After")).hasValue("15");
      assertThat(page.body()).contains("数据库暂时无法连接").doesNotContain("Exception");
      HttpResponse<String> english = timed("page in English", () -> yiwu.get("/tasks", "Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"));
      assertThat(english.statusCode()).isEqualTo(503);
      assertThat(english.body()).contains("The database is unavailable").doesNotContain("数据库");
      // a log-in is not refused as a wrong password
      HttpResponse<String> logIn = timed("log-in", () -> loggingIn.postForm("/login",
          Map.of("username", "yiwu", "password", PASSWORD), logInToken));
      assertThat(logIn.statusCode()).isEqualTo(503);
      assertThat(logIn.body()).contains("数据库暂时无法连接").contains("重新提交");
      // a REST caller gets JSON: the engine's API with HTTP Basic, and a page asked for JSON
      HttpResponse<String> json = timed("engine REST", () -> rest.send(basic(rest.request("/engine-rest/task"), ADMIN, PASSWORD).GET()));
      assertThat(json.statusCode()).isEqualTo(503);
      assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(json.body()).contains("\"error\":\"DATABASE_UNAVAILABLE\"").contains("数据库暂时无法连接");
      HttpResponse<String> pageJson = timed("page as JSON", () -> yiwu.get("/tasks", "Accept", "application/json"));
      assertThat(pageJson.statusCode()).isEqualTo(503);
      assertThat(pageJson.body()).startsWith("{\"status\":503");
      // and the load balancer takes the node out without killing it
      assertThat(timed("readiness", () -> loadBalancer.get("/actuator/health/readiness")).statusCode()).isEqualTo(503);
      // and keeps it alive: liveness asks the database for nothing, with or without a person's session
      HttpResponse<String> liveness = timed("liveness", () -> loadBalancer.get("/actuator/health/liveness"));
      assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
      HttpResponse<String> livenessWithSession = timed("liveness with a session", () -> yiwu.get("/actuator/health/liveness"));
      assertThat(livenessWithSession.statusCode()).as(livenessWithSession.body()).isEqualTo(200);

      // When the database comes back on the same data, after the timer fell due
      Thread.sleep(Math.max(0, 10_000 - Duration.between(stopped, Instant.now()).toMillis()));
      db.restart();
      Instant restarted = Instant.now();
      System.out.printf("[fault] database away for %.1f s%n", Duration.between(stopped, restarted).toMillis() / 1e3);

      // Then the same log-in (its session in the database) is served again
      HttpResponse<String> back = await("the person's page", () -> yiwu.get("/tasks"), r -> r.statusCode() == 200, Duration.ofSeconds(60));
      assertThat(back.body()).doesNotContain("数据库暂时无法连接");
      System.out.printf("[fault] pages again %.1f s after the database was back%n", Duration.between(restarted, Instant.now()).toMillis() / 1e3);
      await("readiness", () -> loadBalancer.get("/actuator/health/readiness"), r -> r.statusCode() == 200, Duration.ofSeconds(30));

      // and the job executor fires the timer that fell due while the database was away
      await("the overdue timer", () -> rest.send(basic(rest.request("/engine-rest/history/process-instance/" + instance), ADMIN, PASSWORD).GET()),
          r -> r.body().contains("\"state\":\"COMPLETED\""), Duration.ofSeconds(120));
      System.out.printf("[fault] overdue timer fired %.1f s after the database was back%n", Duration.between(restarted, Instant.now()).toMillis() / 1e3);

      // and the notification dispatcher sends a delivery written now: the robot receives it once
      long delivery = outboxDelivery(db, robot.registerRobot(db.jdbc(), "database-restart-it"));
      await("the robot's receipt", () -> robot.timesReceived(1), times -> times > 0, Duration.ofSeconds(60));
      System.out.printf("[fault] dispatcher sent a delivery %.1f s after the database was back%n",
          Duration.between(restarted, Instant.now()).toMillis() / 1e3);
      await("the delivery recorded as sent", () -> db.jdbc().queryForObject(
              "select status || ':' || attempts || ':' || coalesce(sent_by, '') from notification_delivery where id = ?", String.class, delivery),
          state -> state.startsWith("SENT:"), Duration.ofSeconds(10));
      assertThat(db.jdbc().queryForObject("select status || ':' || attempts || ':' || sent_by from notification_delivery where id = ?",
          String.class, delivery)).as("sent once, by this node (pid@host/...)").startsWith("SENT:1:" + app.pid() + "@");
      assertThat(robot.received()).containsOnlyKeys(1);
      assertThat(robot.timesReceived(1)).as("received once").isEqualTo(1);

      assertThat(app.isAlive()).isTrue();
    }
  }

  /** A process waiting for a timer at {@code due}, deployed and started over the REST API. */
  private static String startTimerProcess(String baseUrl, OffsetDateTime due) throws Exception {
    EngineRest engine = new EngineRest(baseUrl);
    engine.deploy("database-restart-it", EngineRest.timerProcess("databaseRestartTimer", due));
    return engine.start("databaseRestartTimer");
  }

  /** A post to the test's group robot written straight into the outbox, due now, with the token fault-msg-1. */
  private static long outboxDelivery(FaultPostgres db, long robot) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    Long message = db.jdbc().queryForObject("insert into notification_message (event_key, kind, title, body, created_at)"
        + " values ('fault:database-restart', 'REMINDER', '数据库恢复测试', '数据库恢复后发出 fault-msg-1', ?) returning id", Long.class, now);
    return db.jdbc().queryForObject("insert into notification_delivery (message_id, event_key, channel, recipient_key, address,"
        + " mentions, status, attempts, next_attempt_at, created_at) values (?, 'fault:database-restart', 'WECOM', ?, ?, '', 'PENDING', 0, ?, ?)"
        + " returning id", Long.class, message, "robot:" + robot, String.valueOf(robot), now, now);
  }

  private static <T> T timed(String what, Call<T> call) throws Exception {
    long begun = System.nanoTime();
    T answer = call.get();
    double seconds = (System.nanoTime() - begun) / 1e9;
    System.out.printf("[fault] %s answered in %.2f s while the database was away%n", what, seconds);
    assertThat(seconds).as(what + " answered before Hikari's default 30 s wait").isLessThan(15);
    return answer;
  }

  private static <T> T await(String what, Call<T> call, java.util.function.Predicate<T> done, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    T last;
    do {
      last = call.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(what + " not within " + within + ": " + (last instanceof HttpResponse<?> r ? r.statusCode() + " " + r.body() : last));
  }

  @FunctionalInterface
  interface Call<T> {
    T get() throws Exception;
  }
}
