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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duban.HttpBrowser;
import org.junit.jupiter.api.Test;

/**
 * The database stopped and started under Duban running as its own process (the packaged jar on the
 * postgres profile, sessions in the database): while it is away a person gets the 503 page in a few
 * seconds, a REST caller JSON, the load balancer a failing readiness and a passing liveness; once
 * it is back, with no restart of the app, the same log-in goes on, a timer that fell due meanwhile
 * fires and the notification dispatcher sends again.
 */
class DatabaseRestartIT {

  private static final String ADMIN = "admin";
  private static final String PASSWORD = "duban123";

  /**
   * How long the database stays away at least (seconds); the timer falls due in the middle. Callers
   * are answered in the pool's time-out (3 s) however long it lasts; a longer outage only lets the
   * job executor back off further.
   */
  private static final long OUTAGE_SECONDS = Long.getLong("duban.fault.database-outage-seconds", 6);

  /**
   * The timer falls due this long after it is started: once the database stopped, before it is
   * back.
   */
  private static final long TIMER_AFTER_SECONDS = Math.max(4, OUTAGE_SECONDS - 1);

  @Test
  void theAppAnswersClearlyWhileTheDatabaseIsAwayAndRecoversByItself() throws Exception {
    try (FaultPostgres db = FaultPostgres.start();
        RobotReceiver robot = RobotReceiver.start(0);
        AppProcess app =
            db.node("database-restart")
                .env("DUBAN_NOTIFY_INTERVAL", "PT2S")
                .property("logging.level.org.duban.operations", "DEBUG")) {
      app.start();
      HttpBrowser yiwu = new HttpBrowser(app.baseUrl()).logIn("yiwu", PASSWORD);
      assertThat(yiwu.get("/tasks").statusCode()).isEqualTo(200);
      HttpBrowser rest = new HttpBrowser(app.baseUrl());
      HttpBrowser loadBalancer = new HttpBrowser(app.baseUrl());
      HttpBrowser loggingIn = new HttpBrowser(app.baseUrl());
      String logInToken = HttpBrowser.csrfOf(loggingIn.get("/login").body());

      // Given a timer that falls due while the database is away
      OffsetDateTime due =
          OffsetDateTime.now().plusSeconds(TIMER_AFTER_SECONDS).truncatedTo(ChronoUnit.SECONDS);
      String instance = startTimerProcess(app.baseUrl(), due);

      // When the database stops
      db.stop();
      Instant stopped = Instant.now();
      assertThat(stopped)
          .as("the database stopped before the timer fell due")
          .isBefore(due.toInstant());

      // Then every caller is answered in a few seconds, all asking at once (each answer waits for
      // the connection pool's time-out; one after the other they would only make the outage longer)
      ExecutorService callers = Executors.newFixedThreadPool(8);
      try {
        Future<HttpResponse<String>> pageCall = timed(callers, "page", () -> yiwu.get("/tasks"));
        Future<HttpResponse<String>> englishCall =
            timed(
                callers,
                "page in English",
                () -> yiwu.get("/tasks", "Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"));
        Future<HttpResponse<String>> logInCall =
            timed(
                callers,
                "log-in",
                () ->
                    loggingIn.postForm(
                        "/login", Map.of("username", "yiwu", "password", PASSWORD), logInToken));
        Future<HttpResponse<String>> jsonCall =
            timed(
                callers,
                "engine REST",
                () -> rest.send(basic(rest.request("/engine-rest/task"), ADMIN, PASSWORD).GET()));
        Future<HttpResponse<String>> pageJsonCall =
            timed(callers, "page as JSON", () -> yiwu.get("/tasks", "Accept", "application/json"));
        Future<HttpResponse<String>> readinessCall =
            timed(callers, "readiness", () -> loadBalancer.get("/actuator/health/readiness"));
        Future<HttpResponse<String>> livenessCall =
            timed(callers, "liveness", () -> loadBalancer.get("/actuator/health/liveness"));
        Future<HttpResponse<String>> livenessWithSessionCall =
            timed(callers, "liveness with a session", () -> yiwu.get("/actuator/health/liveness"));

        // the person's next page is the outage page
        HttpResponse<String> page = pageCall.get();
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("15");
        assertThat(page.body()).contains("数据库暂时无法连接").doesNotContain("Exception");
        HttpResponse<String> english = englishCall.get();
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.body()).contains("The database is unavailable").doesNotContain("数据库");
        // a log-in is not refused as a wrong password
        HttpResponse<String> logIn = logInCall.get();
        assertThat(logIn.statusCode()).isEqualTo(503);
        assertThat(logIn.body()).contains("数据库暂时无法连接").contains("重新提交");
        // a REST caller gets JSON: the engine's API with HTTP Basic, and a page asked for JSON
        HttpResponse<String> json = jsonCall.get();
        assertThat(json.statusCode()).isEqualTo(503);
        assertThat(json.headers().firstValue("Content-Type"))
            .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json.body())
            .contains("\"error\":\"DATABASE_UNAVAILABLE\"")
            .contains("数据库暂时无法连接");
        HttpResponse<String> pageJson = pageJsonCall.get();
        assertThat(pageJson.statusCode()).isEqualTo(503);
        assertThat(pageJson.body()).startsWith("{\"status\":503");
        // and the load balancer takes the node out without killing it
        assertThat(readinessCall.get().statusCode()).isEqualTo(503);
        // and keeps it alive: liveness asks the database for nothing, with or without a person's
        // session
        HttpResponse<String> liveness = livenessCall.get();
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        HttpResponse<String> livenessWithSession = livenessWithSessionCall.get();
        assertThat(livenessWithSession.statusCode()).as(livenessWithSession.body()).isEqualTo(200);
      } finally {
        callers.shutdownNow();
      }

      // When the database comes back on the same data, after the timer fell due
      Thread.sleep(
          Math.max(
              0,
              Math.max(
                  OUTAGE_SECONDS * 1000 - Duration.between(stopped, Instant.now()).toMillis(),
                  Duration.between(Instant.now(), due.toInstant()).toMillis() + 1000)));
      db.restart();
      Instant restarted = Instant.now();
      System.out.printf(
          "[fault] database away for %.1f s%n",
          Duration.between(stopped, restarted).toMillis() / 1e3);
      // with a delivery written as soon as it is back, for the dispatcher to send
      long delivery = outboxDelivery(db, robot.registerRobot(db.jdbc(), "database-restart-it"));

      // Then the same log-in (its session in the database) is served again
      HttpResponse<String> back =
          await(
              "the person's page",
              () -> yiwu.get("/tasks"),
              r -> r.statusCode() == 200,
              Duration.ofSeconds(60));
      assertThat(back.body()).doesNotContain("数据库暂时无法连接");
      System.out.printf(
          "[fault] pages again %.1f s after the database was back%n",
          Duration.between(restarted, Instant.now()).toMillis() / 1e3);
      await(
          "readiness",
          () -> loadBalancer.get("/actuator/health/readiness"),
          r -> r.statusCode() == 200,
          Duration.ofSeconds(30));

      // and the job executor fires the timer that fell due while the database was away
      await(
          "the overdue timer",
          () ->
              rest.send(
                  basic(
                          rest.request("/engine-rest/history/process-instance/" + instance),
                          ADMIN,
                          PASSWORD)
                      .GET()),
          r -> r.body().contains("\"state\":\"COMPLETED\""),
          Duration.ofSeconds(120));
      System.out.printf(
          "[fault] overdue timer fired %.1f s after the database was back%n",
          Duration.between(restarted, Instant.now()).toMillis() / 1e3);

      // and the notification dispatcher sends the delivery written once it was back: the robot
      // receives it once
      await(
          "the robot's receipt",
          () -> robot.timesReceived(1),
          times -> times > 0,
          Duration.ofSeconds(60));
      System.out.printf(
          "[fault] dispatcher sent a delivery %.1f s after the database was back%n",
          Duration.between(restarted, Instant.now()).toMillis() / 1e3);
      await(
          "the delivery recorded as sent",
          () ->
              db.jdbc()
                  .queryForObject(
                      "select status || ':' || attempts || ':' || coalesce(sent_by, '') from notification_delivery where id = ?",
                      String.class,
                      delivery),
          state -> state.startsWith("SENT:"),
          Duration.ofSeconds(10));
      assertThat(
              db.jdbc()
                  .queryForObject(
                      "select status || ':' || attempts || ':' || sent_by from notification_delivery where id = ?",
                      String.class,
                      delivery))
          .as("sent once, by this node (pid@host/...)")
          .startsWith("SENT:1:" + app.pid() + "@");
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

  /**
   * A post to the test's group robot written straight into the outbox, due now, with the token
   * fault-msg-1.
   */
  private static long outboxDelivery(FaultPostgres db, long robot) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    Long message =
        db.jdbc()
            .queryForObject(
                "insert into notification_message (event_key, kind, title, body, created_at)"
                    + " values ('fault:database-restart', 'REMINDER', '数据库恢复测试', '数据库恢复后发出 fault-msg-1', ?) returning id",
                Long.class,
                now);
    return db.jdbc()
        .queryForObject(
            "insert into notification_delivery (message_id, event_key, channel, recipient_key, address,"
                + " mentions, status, attempts, next_attempt_at, created_at) values (?, 'fault:database-restart', 'WECOM', ?, ?, '', 'PENDING', 0, ?, ?)"
                + " returning id",
            Long.class,
            message,
            "robot:" + robot,
            String.valueOf(robot),
            now,
            now);
  }

  /** The call on its own thread, its answer's time printed and checked once it is there. */
  private static <T> Future<T> timed(ExecutorService threads, String what, Call<T> call) {
    return threads.submit(
        () -> {
          long begun = System.nanoTime();
          T answer = call.get();
          double seconds = (System.nanoTime() - begun) / 1e9;
          System.out.printf(
              "[fault] %s answered in %.2f s while the database was away%n", what, seconds);
          assertThat(seconds)
              .as(what + " answered before Hikari's default 30 s wait")
              .isLessThan(15);
          return answer;
        });
  }

  private static <T> T await(
      String what, Call<T> call, java.util.function.Predicate<T> done, Duration within)
      throws Exception {
    Instant deadline = Instant.now().plus(within);
    T last;
    do {
      last = call.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        what
            + " not within "
            + within
            + ": "
            + (last instanceof HttpResponse<?> r ? r.statusCode() + " " + r.body() : last));
  }

  @FunctionalInterface
  interface Call<T> {
    T get() throws Exception;
  }
}
