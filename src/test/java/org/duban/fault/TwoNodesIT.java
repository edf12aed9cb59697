package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.fault.KillAndRestartIT.count;
import static org.duban.fault.KillAndRestartIT.timerFires;
import static org.duban.fault.KillAndRestartIT.waitFor;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.duban.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Two Duban nodes on one PostgreSQL, as behind a load balancer: a log-in on one node is a session
 * on the other (sessions in the database), a form rendered by one is accepted by the other (its
 * CSRF token is in the shared session), the weekly timer falling due runs one sweep between them,
 * every outbox delivery is sent once although both dispatchers poll the same table every second,
 * and a burst of timer jobs is shared between both job executors with each job run once. Which node
 * sent each delivery (notification_delivery.sent_by, the dispatcher's pid@host) and which ran each
 * job (the engine's job log, hostname_ set per node) is recorded, and both nodes must appear. Both
 * nodes are started at the same moment on an empty database: one waits for the other (StartupLock)
 * and then finds the schema, the demo hospital and the deployments in place.
 */
class TwoNodesIT {

  private static final int DELIVERIES = 300;

  /** Timer jobs falling due at one moment, to be shared by the two job executors. */
  private static final int JOBS = 200;

  @Test
  void twoNodesShareSessionsAndRunEachTimerAndEachDeliveryOnce() throws Exception {
    try (RobotReceiver robot = RobotReceiver.start(10);
        FaultPostgres db = FaultPostgres.start();
        AppProcess a = node(db, "node-a");
        AppProcess b = node(db, "node-b")) {
      JdbcTemplate jdbc = db.jdbc();
      CompletableFuture<AppProcess> startingB = CompletableFuture.supplyAsync(b::start);
      a.start();
      startingB.get(10, TimeUnit.MINUTES);
      assertThat(a.logSinceLastStart() + b.logSinceLastStart())
          .as("one node waited for the other")
          .contains("Another Duban node is starting on this database");
      assertThat(count(jdbc, "select count(*) from person where username = 'shuji'")).isEqualTo(1);
      assertThat(count(jdbc, "select count(*) from act_re_deployment"))
          .as("each model deployed once")
          .isEqualTo(count(jdbc, "select count(distinct name_) from act_re_deployment"));

      // A log-in on node A is a session on node B
      HttpBrowser onA = new HttpBrowser(a.baseUrl()).logIn("ducha", "duban123");
      HttpBrowser onB = onA.at(b.baseUrl());
      assertThat(onA.cookie("JSESSIONID")).isPresent();
      HttpResponse<String> page = onB.get("/supervision");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("刘芳");
      assertThat(new HttpBrowser(b.baseUrl()).get("/supervision").statusCode())
          .as("without the cookie")
          .isEqualTo(302);
      // a form from node A posted to node B
      long sweepsBefore =
          jdbc.queryForObject("select coalesce(max(id), 0) from supervision_sweep", Long.class);
      String token = HttpBrowser.csrfOf(onA.get("/supervision").body());
      HttpResponse<String> sweep = onB.postForm("/supervision/sweep", Map.of(), token);
      assertThat(sweep.statusCode()).isEqualTo(302);
      assertThat(sweep.headers().firstValue("Location").orElse("")).endsWith("/supervision");
      // two sweeps at once race on the same items, and a lost race waits five minutes for its retry
      waitFor(
          Duration.ofSeconds(120),
          () ->
              count(
                      jdbc,
                      "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision' and end_time_ is null")
                  == 0);

      // A burst of timer jobs (the instances started half on each node), due at one moment below:
      // one call to each node starts its half, as a signal thrown once per instance (a REST call
      // per
      // instance spent most of the test checking the admin's password, BCrypt on every call)
      List<EngineRest> engines = List.of(new EngineRest(a.baseUrl()), new EngineRest(b.baseUrl()));
      engines
          .get(0)
          .deploy("two-nodes-it", jobsStartedBySignal(OffsetDateTime.now().plusDays(1), JOBS / 2));
      List<CompletableFuture<String>> starters =
          engines.stream()
              .map(
                  engine ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            try {
                              return engine.start("twoNodesJobsStarter");
                            } catch (Exception e) {
                              throw new IllegalStateException(e);
                            }
                          }))
              .toList();
      for (CompletableFuture<String> starter : starters) {
        starter.get(5, TimeUnit.MINUTES);
      }
      assertThat(
              count(
                  jdbc,
                  "select count(*) from act_hi_procinst where proc_def_key_ = 'twoNodesJobsStarter' and end_time_ is not null"))
          .as("both starters ran to their end")
          .isEqualTo(2);
      assertThat(
              count(
                  jdbc, "select count(*) from act_ru_job where process_def_key_ = 'twoNodesJobs'"))
          .isEqualTo(JOBS);

      // The outbox: deliveries to a robot whose webhook is this test's receiver
      long robotId = robot.registerRobot(jdbc, "fault-test");
      Timestamp due = new Timestamp(System.currentTimeMillis() - 60_000);
      for (int n = 1; n <= DELIVERIES; n++) {
        jdbc.update(
            "insert into notification_message (event_key, kind, work_item_id, title, body, link, created_at)"
                + " values (?, 'NOTICE', null, ?, ?, null, ?)",
            "fault-" + n,
            "fault-msg-" + n,
            "fault-msg-" + n,
            due);
      }
      // and the weekly timer falls due while both nodes run
      int timerFiresBefore = timerFires(jdbc);
      jdbc.update(
          "update act_ru_job set duedate_ = ? where handler_type_ = 'timer-start-event' and process_def_key_ = 'weeklySupervision'",
          due);
      jdbc.update(
          "update act_ru_job set duedate_ = ? where process_def_key_ = 'twoNodesJobs'", due);
      jdbc.update(
          "insert into notification_delivery (message_id, event_key, channel, recipient_key, address, mentions,"
              + " status, attempts, next_attempt_at, created_at) select id, event_key, 'WECOM', ?, ?, '', 'PENDING', 0, ?, ?"
              + " from notification_message where event_key like 'fault-%'",
          "robot:" + robotId, String.valueOf(robotId), due, due);

      waitFor(
          Duration.ofSeconds(180),
          () ->
              robot.received().size() == DELIVERIES
                  && timerFires(jdbc) > timerFiresBefore
                  && count(
                          jdbc,
                          "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision' and end_time_ is null")
                      == 0
                  && count(
                          jdbc,
                          "select count(*) from act_hi_procinst where proc_def_key_ = 'twoNodesJobs' and end_time_ is not null")
                      == JOBS);
      AppProcess.sleep(5000);

      // every delivery reached the robot once, and was recorded as sent once
      assertThat(robot.received()).hasSize(DELIVERIES);
      assertThat(robot.received().values())
          .allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
      assertThat(
              count(
                  jdbc,
                  "select count(*) from notification_delivery where event_key like 'fault-%' and status = 'SENT' and attempts = 1"))
          .isEqualTo(DELIVERIES);
      // by both nodes: each delivery names the node that sent it, and both dispatchers sent some
      Map<String, Integer> sentByNode = new TreeMap<>();
      for (String sender :
          jdbc.queryForList(
              "select sent_by from notification_delivery where event_key like 'fault-%'",
              String.class)) {
        String node =
            sender == null
                ? "nobody"
                : sender.startsWith(a.pid() + "@")
                    ? "node-a"
                    : sender.startsWith(b.pid() + "@") ? "node-b" : sender;
        sentByNode.merge(node, 1, Integer::sum);
      }
      assertThat(sentByNode)
          .as("deliveries by the node that sent them")
          .containsOnlyKeys("node-a", "node-b");

      // the burst of jobs: each ran to success once, every instance ended, and both nodes ran some
      assertThat(
              count(
                  jdbc,
                  "select count(*) from act_hi_job_log where process_def_key_ = 'twoNodesJobs' and job_state_ = 2"))
          .as("successful runs")
          .isEqualTo(JOBS);
      assertThat(
              count(
                  jdbc,
                  "select count(distinct job_id_) from act_hi_job_log where process_def_key_ = 'twoNodesJobs' and job_state_ = 2"))
          .as("jobs that ran")
          .isEqualTo(JOBS);
      Map<String, Integer> jobsByNode = new TreeMap<>();
      jdbc.query(
          "select hostname_, count(*) as jobs from act_hi_job_log where process_def_key_ = 'twoNodesJobs' and job_state_ = 2"
              + " group by hostname_",
          (RowCallbackHandler)
              row -> jobsByNode.put(row.getString("hostname_"), row.getInt("jobs")));
      assertThat(jobsByNode)
          .as("jobs by the node that ran them")
          .containsOnlyKeys("node-a", "node-b");

      // the timer fired once between the two nodes, and is armed again
      assertThat(timerFires(jdbc)).isEqualTo(timerFiresBefore + 1);
      assertThat(
              count(
                  jdbc,
                  "select count(*) from act_ru_job where handler_type_ = 'timer-start-event'"
                      + " and process_def_key_ = 'weeklySupervision' and duedate_ > ?",
                  new Timestamp(System.currentTimeMillis())))
          .isEqualTo(1);
      // each job of the sweeps ran to success once, on whichever node took it
      assertThat(
              count(
                  jdbc,
                  "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2"
                      + " and process_def_key_ = 'weeklySupervision' group by job_id_ having count(*) > 1) twice"))
          .isZero();
      Map<String, Integer> sweepJobsByNode = new TreeMap<>();
      jdbc.query(
          "select hostname_, count(*) as jobs from act_hi_job_log where job_state_ = 2 and process_def_key_ = 'weeklySupervision'"
              + " group by hostname_",
          (RowCallbackHandler)
              row -> sweepJobsByNode.put(row.getString("hostname_"), row.getInt("jobs")));
      assertThat(sweepJobsByNode.keySet())
          .as("sweep jobs ran on the two nodes only")
          .isSubsetOf("node-a", "node-b");
      // every sweep finished, and lit as many items as it counted
      assertThat(count(jdbc, "select count(*) from supervision_sweep where finished_at is null"))
          .isZero();
      assertThat(count(jdbc, "select count(*) from supervision_sweep where id > ?", sweepsBefore))
          .as("the test's sweeps")
          .isEqualTo(2);
      assertThat(
              jdbc.queryForList(
                  "select s.id from supervision_sweep s where s.id > ? and s.green + s.yellow + s.red"
                      + " <> (select count(*) from light_assessment l where l.sweep_id = s.id)",
                  Long.class,
                  sweepsBefore))
          .as("sweeps whose count is off")
          .isEmpty();
      System.out.printf(
          "[fault] two nodes: %d deliveries sent once each, by node %s; %d jobs run once each, by node %s;"
              + " sweep jobs by node %s; resident A %d MB, B %d MB%n",
          DELIVERIES,
          sentByNode,
          JOBS,
          jobsByNode,
          sweepJobsByNode,
          a.residentKb() / 1024,
          b.residentKb() / 1024);
    }
  }

  /**
   * {@code twoNodesJobs}, an instance of which waits for a timer at {@code due} and ends (one timer
   * job per instance), started by the signal {@code twoNodesJobsGo}; and {@code
   * twoNodesJobsStarter}, which throws that signal {@code instances} times, one after the other, in
   * its one transaction.
   */
  private static String jobsStartedBySignal(OffsetDateTime due, int instances) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://duban.org/fault">
          <bpmn:signal id="go" name="twoNodesJobsGo"/>
          <bpmn:process id="twoNodesJobs" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="go"/></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition><bpmn:timeDate>%s</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="passed"/>
            <bpmn:endEvent id="passed"/>
          </bpmn:process>
          <bpmn:process id="twoNodesJobsStarter" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="begin"/>
            <bpmn:sequenceFlow id="s1" sourceRef="begin" targetRef="each"/>
            <bpmn:subProcess id="each">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true">
                <bpmn:loopCardinality>%d</bpmn:loopCardinality>
              </bpmn:multiInstanceLoopCharacteristics>
              <bpmn:startEvent id="eachBegin"/>
              <bpmn:sequenceFlow id="e1" sourceRef="eachBegin" targetRef="signal"/>
              <bpmn:intermediateThrowEvent id="signal"><bpmn:signalEventDefinition signalRef="go"/></bpmn:intermediateThrowEvent>
              <bpmn:sequenceFlow id="e2" sourceRef="signal" targetRef="eachEnd"/>
              <bpmn:endEvent id="eachEnd"/>
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="s2" sourceRef="each" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(due.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), instances);
  }

  private static AppProcess node(FaultPostgres db, String name) {
    return db.node(name)
        .env("DUBAN_NOTIFY_INTERVAL", "PT1S")
        .property("duban.notification.batch-size", "20")
        // the name the engine writes into its job log, to see which node ran a job
        .property("camunda.bpm.generic-properties.properties.hostname", name)
        // one job at a time on each node, polling at least every second: a burst of jobs takes long
        // enough that both executors take part, as on a busy cluster
        .property("camunda.bpm.job-execution.core-pool-size", "1")
        .property("camunda.bpm.job-execution.max-pool-size", "1")
        .property("camunda.bpm.job-execution.queue-capacity", "1")
        .property("camunda.bpm.job-execution.max-jobs-per-acquisition", "1")
        .property("camunda.bpm.job-execution.max-wait", "1000");
  }
}
