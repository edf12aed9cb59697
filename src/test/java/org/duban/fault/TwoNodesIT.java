package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.fault.KillAndRestartIT.count;
import static org.duban.fault.KillAndRestartIT.timerFires;
import static org.duban.fault.KillAndRestartIT.waitFor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Duban nodes on one PostgreSQL, as behind a load balancer: a log-in on one node is a session
 * on the other (sessions in the database), a form rendered by one is accepted by the other (its
 * CSRF token is in the shared session), the weekly timer falling due runs one sweep between them,
 * and every outbox delivery is sent once although both dispatchers poll the same table every
 * second. Both nodes are started at the same moment on an empty database: one waits for the other
 * (StartupLock) and then finds the schema, the demo hospital and the deployments in place.
 */
class TwoNodesIT {

  private static final int DELIVERIES = 300;
  private static final Pattern TOKEN = Pattern.compile("fault-msg-(\\d+)");

  @Test
  void twoNodesShareSessionsAndRunEachTimerAndEachDeliveryOnce() throws Exception {
    Map<Integer, AtomicInteger> received = new ConcurrentHashMap<>();
    HttpServer robot = robotReceiver(received);
    try (FaultPostgres db = FaultPostgres.start();
        AppProcess a = node(db, "node-a");
        AppProcess b = node(db, "node-b")) {
      JdbcTemplate jdbc = db.jdbc();
      CompletableFuture<AppProcess> startingB = CompletableFuture.supplyAsync(b::start);
      a.start();
      startingB.get(10, TimeUnit.MINUTES);
      assertThat(a.logSinceLastStart() + b.logSinceLastStart()).as("one node waited for the other")
          .contains("Another Duban node is starting on this database");
      assertThat(count(jdbc, "select count(*) from person where username = 'shuji'")).isEqualTo(1);
      assertThat(count(jdbc, "select count(*) from act_re_deployment")).as("each model deployed once")
          .isEqualTo(count(jdbc, "select count(distinct name_) from act_re_deployment"));

      // A log-in on node A is a session on node B
      WebClient onA = new WebClient(a.baseUrl()).logIn("ducha");
      WebClient onB = onA.at(b.baseUrl());
      assertThat(onA.cookie("JSESSIONID")).isPresent();
      HttpResponse<String> page = onB.get("/supervision");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("刘芳");
      assertThat(new WebClient(b.baseUrl()).get("/supervision").statusCode()).as("without the cookie").isEqualTo(302);
      // a form from node A posted to node B
      String token = WebClient.csrf(onA.get("/supervision").body());
      HttpResponse<String> sweep = onB.postWithToken("/supervision/sweep", token, Map.of());
      assertThat(sweep.statusCode()).isEqualTo(302);
      assertThat(sweep.headers().firstValue("Location").orElse("")).endsWith("/supervision");
      // two sweeps at once race on the same items, and a lost race waits five minutes for its retry
      waitFor(Duration.ofSeconds(120), () -> count(jdbc,
          "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision' and end_time_ is null") == 0);

      // The outbox: deliveries to a robot whose webhook is this test's receiver
      jdbc.update("insert into notification_robot (platform, department_id, name, webhook_url, secret, active)"
          + " values ('WECOM', null, 'fault-test', ?, null, true)", "http://127.0.0.1:" + robot.getAddress().getPort() + "/hook?key=x");
      long robotId = jdbc.queryForObject("select id from notification_robot where name = 'fault-test'", Long.class);
      Timestamp due = new Timestamp(System.currentTimeMillis() - 60_000);
      for (int n = 1; n <= DELIVERIES; n++) {
        jdbc.update("insert into notification_message (event_key, kind, work_item_id, title, body, link, created_at)"
            + " values (?, 'NOTICE', null, ?, ?, null, ?)", "fault-" + n, "fault-msg-" + n, "fault-msg-" + n, due);
      }
      // and the weekly timer falls due while both nodes run
      int timerFiresBefore = timerFires(jdbc);
      jdbc.update("update act_ru_job set duedate_ = ? where handler_type_ = 'timer-start-event' and process_def_key_ = 'weeklySupervision'", due);
      jdbc.update("insert into notification_delivery (message_id, event_key, channel, recipient_key, address, mentions,"
          + " status, attempts, next_attempt_at, created_at) select id, event_key, 'WECOM', ?, ?, '', 'PENDING', 0, ?, ?"
          + " from notification_message where event_key like 'fault-%'", "robot:" + robotId, String.valueOf(robotId), due, due);

      waitFor(Duration.ofSeconds(120), () -> received.size() == DELIVERIES
          && timerFires(jdbc) > timerFiresBefore
          && count(jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision' and end_time_ is null") == 0);
      AppProcess.sleep(5000);

      // every delivery reached the robot once
      assertThat(received).hasSize(DELIVERIES);
      assertThat(received.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
      assertThat(count(jdbc, "select count(*) from notification_delivery where event_key like 'fault-%' and status = 'SENT' and attempts = 1"))
          .isEqualTo(DELIVERIES);

      // the timer fired once between the two nodes, and is armed again
      assertThat(timerFires(jdbc)).isEqualTo(timerFiresBefore + 1);
      assertThat(count(jdbc, "select count(*) from act_ru_job where handler_type_ = 'timer-start-event'"
          + " and process_def_key_ = 'weeklySupervision' and duedate_ > ?", new Timestamp(System.currentTimeMillis()))).isEqualTo(1);
      // each job of the sweeps ran to success once, on whichever node took it
      assertThat(count(jdbc, "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2"
          + " and process_def_key_ = 'weeklySupervision' group by job_id_ having count(*) > 1) twice")).isZero();
      List<Map<String, Object>> byNode = jdbc.queryForList("select hostname_, count(*) as jobs from act_hi_job_log"
          + " where job_state_ = 2 and process_def_key_ = 'weeklySupervision' group by hostname_ order by hostname_");
      assertThat(count(jdbc, "select count(*) from (select sweep_id, work_item_id from light_assessment"
          + " group by sweep_id, work_item_id having count(*) > 1) twice")).isZero();
      assertThat(count(jdbc, "select count(*) from supervision_sweep where finished_at is null")).isZero();
      System.out.printf("[fault] two nodes: %d deliveries sent once each; sweep jobs by node %s; resident A %d MB, B %d MB%n",
          DELIVERIES, byNode, a.residentKb() / 1024, b.residentKb() / 1024);
    } finally {
      robot.stop(0);
    }
  }

  private static AppProcess node(FaultPostgres db, String name) {
    return db.node(name)
        .env("DUBAN_NOTIFY_INTERVAL", "PT1S")
        .property("duban.notification.batch-size", "20")
        // the name the engine writes into its job log, to see which node ran a job
        .property("camunda.bpm.generic-properties.properties.hostname", name)
        .property("camunda.bpm.job-execution.max-wait", "3000");
  }



  /** Stands in for a WeCom group robot: counts each delivery by the token in its text. */
  private static HttpServer robotReceiver(Map<Integer, AtomicInteger> received) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.createContext("/hook", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher token = TOKEN.matcher(body);
      if (token.find()) {
        received.computeIfAbsent(Integer.valueOf(token.group(1)), k -> new AtomicInteger()).incrementAndGet();
      }
      // a robot platform takes a moment: the two dispatchers overlap
      AppProcess.sleep(10);
      byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    return server;
  }
}
