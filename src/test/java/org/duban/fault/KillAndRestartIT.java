package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.duban.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 in the middle of work, on PostgreSQL, with the app as its own process: the supervision
 * office starts the weekly sweep (acknowledged with a 302) and a head of department submits a
 * check-in, and the process is killed while both are in the middle of their transactions (held
 * there by a row lock the test takes on the check-in's item), with jobs of the sweep still to run.
 * After a restart on the same database the sweep is there with its process instance (no row without
 * instance or the other way round), it goes on to its end with one light for every open item and
 * each lit item put to the ladder, the sessions survive, and the check-in is wholly absent (no row,
 * the task open, no audit), so the head submits it again and it is wholly there. Then the app is
 * killed again, the weekly timer falls due while it is down, and after the restart it fires exactly
 * once and is armed for next Monday.
 */
class KillAndRestartIT {

  private static final String SWEEPS_OF_TEST =
      "select count(*) from supervision_sweep where id > ?";

  @Test
  void acknowledgedWorkSurvivesASigkillAndTheMissedTimerFiresOnce() throws Exception {
    try (FaultPostgres db = FaultPostgres.start();
        AppProcess app =
            db.node("kill-restart")
                // a job locked by the killed process is taken again after this long (default 5
                // minutes)
                .property("camunda.bpm.job-execution.lock-time-in-millis", "15000")
                .property("camunda.bpm.job-execution.max-wait", "3000")) {
      JdbcTemplate jdbc = db.jdbc();
      app.start();
      long lastSweepBefore =
          jdbc.queryForObject("select coalesce(max(id), 0) from supervision_sweep", Long.class);
      int incidentsBefore = count(jdbc, "select count(*) from act_ru_incident");
      int timerFiresBefore = timerFires(jdbc);
      int rowsWithoutInstance = rowsMinusInstances(jdbc);

      // Given a head of department with this month's check-in open on their task list
      HttpBrowser yiwu = new HttpBrowser(app.baseUrl()).logIn("yiwu", "duban123");
      String checkInTask = ConcurrentCompletionIT.openCheckIn(db, app, yiwu);
      long checkInItem =
          jdbc.queryForObject(
              "select v.long_ from act_ru_variable v join act_ru_task t"
                  + " on t.proc_inst_id_ = v.proc_inst_id_ where t.id_ = ? and v.name_ = 'workItemId'",
              Long.class,
              checkInTask);
      // that has had a round before (a month it missed): the sweep lights only items past their
      // first
      // round, and must wait on this one too
      jdbc.update(
          "insert into check_in (work_item_id, period, status, recorded_at)"
              + " values (?, '2000-01', 'MISSED', current_timestamp)",
          checkInItem);
      String checkInToken = HttpBrowser.csrfOf(yiwu.get("/tasks/" + checkInTask).body());
      String narrative = "提交时进程被杀 " + checkInTask;
      Map<String, String> checkIn =
          Map.of("percentDone", "100", "narrative", narrative, "obstacles", "");

      // and the check-in's item held by another transaction, so that whatever writes the item next
      // waits, in the middle of its own transaction, for as long as the test wants
      Connection holder = jdbc.getDataSource().getConnection();
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement
            .executeQuery("select id from work_item where id = " + checkInItem + " for update")
            .close();
      }

      // and the supervision office starting the weekly sweep by hand (acknowledged with a 302)
      HttpBrowser office = new HttpBrowser(app.baseUrl()).logIn("ducha", "duban123");
      HttpResponse<String> started = office.post("/supervision", "/supervision/sweep", Map.of());
      assertThat(started.statusCode()).isEqualTo(302);
      assertThat(started.headers().firstValue("Location").orElse("")).endsWith("/supervision");
      long sweep = jdbc.queryForObject("select max(id) from supervision_sweep", Long.class);
      assertThat(sweep).as("the acknowledged sweep is written").isGreaterThan(lastSweepBefore);

      // and the head submitting the check-in
      ExecutorService browser = Executors.newSingleThreadExecutor();
      Future<HttpResponse<String>> submission =
          browser.submit(() -> yiwu.postForm("/tasks/" + checkInTask, checkIn, checkInToken));

      // When the process is killed while the sweep's job and the submission both wait on the item,
      // each in the middle of its transaction (the submission has written its check-in, and claimed
      // and completed the task in the engine, uncommitted)
      waitFor(
          Duration.ofSeconds(120),
          () ->
              count(jdbc, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                  == 2);
      List<String> writtenInFlight =
          jdbc.queryForList(
              "select distinct c.relname from pg_locks l join pg_class c on c.oid = l.relation"
                  + " join pg_stat_activity a on a.pid = l.pid where a.wait_event_type = 'Lock' and l.granted and l.mode = 'RowExclusiveLock'"
                  + " and c.relkind = 'r' order by c.relname",
              String.class);
      System.out.printf(
          "[fault] in flight at the kill, written and uncommitted: %s%n", writtenInFlight);
      assertThat(writtenInFlight)
          .as("tables written by the transactions in flight")
          .contains("check_in");
      app.kill();
      assertThat(submission)
          .as("the submission was never answered: its connection broke with the process")
          .failsWithin(Duration.ofSeconds(30))
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(IOException.class);
      browser.shutdownNow();
      holder.rollback();
      holder.close();
      // the killed process's transactions are rolled back by PostgreSQL once it finds their client
      // gone
      waitFor(
          Duration.ofSeconds(60),
          () ->
              count(
                      jdbc,
                      "select count(*) from pg_stat_activity where backend_type = 'client backend'"
                          + " and (wait_event_type = 'Lock' or state like 'idle in transaction%')")
                  == 0);

      int lit = count(jdbc, "select count(*) from light_assessment where sweep_id = ?", sweep);
      int pendingJobs =
          count(
              jdbc,
              "select count(*) from act_ru_job where process_def_key_ = 'weeklySupervision' and handler_type_ <> 'timer-start-event'");
      System.out.printf("[fault] killed with %d items lit and %d jobs pending%n", lit, pendingJobs);
      assertThat(pendingJobs).as("jobs of the sweep still to run at the kill").isPositive();
      assertThat(
              count(
                  jdbc,
                  "select count(*) from supervision_sweep where id = ? and finished_at is null",
                  sweep))
          .as("killed in the middle of the sweep")
          .isEqualTo(1);
      assertThat(rowsMinusInstances(jdbc))
          .as("a sweep row for every sweep instance, and no other")
          .isEqualTo(rowsWithoutInstance);
      // the submission killed in flight is wholly absent: no check-in, the task open, nothing
      // audited
      assertCheckIn(jdbc, checkInTask, narrative, false);

      // Then after a restart the sessions are still there and the sweep goes on to its end
      app.start();
      assertThat(office.get("/supervision").statusCode())
          .as("the session outlived the process")
          .isEqualTo(200);
      waitFor(
          Duration.ofSeconds(150),
          () ->
              count(
                      jdbc,
                      "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision' and end_time_ is null")
                  == 0);
      int items = count(jdbc, "select count(*) from light_assessment where sweep_id = ?", sweep);
      assertThat(items)
          .as("one light per open item, none skipped for the kill")
          .isEqualTo(openItems(jdbc))
          .isEqualTo(
              count(
                  jdbc,
                  "select green + yellow + red from supervision_sweep where id = ? and finished_at is not null",
                  sweep));
      assertThat(
              count(
                  jdbc,
                  "select count(*) from light_assessment l join supervision_sweep s on s.id = l.sweep_id where s.id = ?"
                      + " and not exists (select 1 from weekly_ladder_step w where w.work_item_id = l.work_item_id and w.iso_week = s.iso_week)",
                  sweep))
          .as("items lit but never put to the ladder")
          .isZero();
      // and the head submits the check-in again, which is then wholly there
      HttpResponse<String> again =
          yiwu.postForm(
              "/tasks/" + checkInTask,
              checkIn,
              HttpBrowser.csrfOf(yiwu.get("/tasks/" + checkInTask).body()));
      assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
      assertThat(yiwu.get("/tasks").body()).contains(">已提交</p>");
      assertCheckIn(jdbc, checkInTask, narrative, true);
      int sweepRows = count(jdbc, SWEEPS_OF_TEST, lastSweepBefore);
      assertThat(sweepRows).isEqualTo(1);

      // When the app is killed again and the weekly timer falls due while it is down
      app.kill();
      int timers =
          count(
              jdbc,
              "select count(*) from act_ru_job where handler_type_ = 'timer-start-event' and process_def_key_ = 'weeklySupervision'");
      assertThat(timers).isEqualTo(1);
      jdbc.update(
          "update act_ru_job set duedate_ = ? where handler_type_ = 'timer-start-event' and process_def_key_ = 'weeklySupervision'",
          new Timestamp(System.currentTimeMillis() - Duration.ofHours(1).toMillis()));

      // Then after the restart it fires once, and is armed for next week
      app.start();
      waitFor(
          Duration.ofSeconds(150),
          () ->
              timerFires(jdbc) > timerFiresBefore
                  && count(
                          jdbc,
                          "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision' and end_time_ is null")
                      == 0);
      AppProcess.sleep(8000);

      assertThat(timerFires(jdbc))
          .as("the timer that fell due while down fired once")
          .isEqualTo(timerFiresBefore + 1);
      Timestamp next =
          jdbc.queryForObject(
              "select duedate_ from act_ru_job where handler_type_ = 'timer-start-event' and process_def_key_ = 'weeklySupervision'",
              Timestamp.class);
      assertThat(next)
          .as("armed again, for the future")
          .isAfter(new Timestamp(System.currentTimeMillis()));
      assertThat(count(jdbc, SWEEPS_OF_TEST, lastSweepBefore))
          .as("one more sweep: the timer's")
          .isEqualTo(sweepRows + 1);
      assertThat(rowsMinusInstances(jdbc))
          .as("a sweep row for every sweep instance, and no other")
          .isEqualTo(rowsWithoutInstance);
      List<Map<String, Object>> sweeps =
          jdbc.queryForList(
              "select s.id, s.finished_at, s.green + s.yellow + s.red as lit, count(l.id) as lights,"
                  + " count(distinct l.work_item_id) as items from supervision_sweep s"
                  + " left join light_assessment l on l.sweep_id = s.id where s.id > ? group by s.id, s.finished_at, s.green, s.yellow, s.red",
              lastSweepBefore);
      int open =
          count(
              jdbc,
              "select count(*) from light_assessment where sweep_id = (select max(id) from supervision_sweep)");
      assertThat(open).isPositive();
      for (Map<String, Object> row : sweeps) {
        assertThat(row.get("finished_at")).as("sweep %s finished", row.get("id")).isNotNull();
        assertThat(((Number) row.get("lights")).intValue())
            .as("sweep %s: one light per open item", row.get("id"))
            .isEqualTo(openItems(jdbc))
            .isEqualTo(((Number) row.get("lit")).intValue());
      }
      assertThat(count(jdbc, "select count(*) from act_ru_incident")).isEqualTo(incidentsBefore);
      System.out.printf(
          "[fault] after restart: %d sweeps of the test finished with %d lights each; resident %d MB%n",
          sweeps.size(), open, app.residentKb() / 1024);
    }
  }

  /** Items the sweep lights: issued and not closed. */
  private static int openItems(JdbcTemplate jdbc) {
    // the items a sweep lights: open, and past their first round or their deadline (SweepItems)
    return count(
        jdbc,
        "select count(*) from work_item w where stage not in ('DRAFT', 'CLOSED')"
            + " and (deadline < current_date or exists (select 1 from check_in c where c.work_item_id = w.id))");
  }

  /**
   * The check-in wholly there (its row, the task completed in the engine, the audit) or wholly
   * absent (no row, the task open and unclaimed as it was, nothing audited): a submission claims,
   * records and completes in one transaction.
   */
  private static void assertCheckIn(
      JdbcTemplate jdbc, String taskId, String narrative, boolean there) {
    int n = there ? 1 : 0;
    assertThat(count(jdbc, "select count(*) from check_in where narrative = ?", narrative))
        .as("check-in rows")
        .isEqualTo(n);
    assertThat(
            count(
                jdbc,
                "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null",
                taskId))
        .as("the task completed in the engine's history")
        .isEqualTo(n);
    assertThat(
            count(
                jdbc,
                "select count(*) from act_ru_task where id_ = ? and assignee_ is null",
                taskId))
        .as("the task open and unclaimed, as before")
        .isEqualTo(1 - n);
    assertThat(
            count(
                jdbc,
                "select count(*) from audit_event where action = 'task.complete' and subject_id = ?",
                taskId))
        .as("the completion audited")
        .isEqualTo(n);
  }

  /** Sweep rows less sweep instances: unchanged when one transaction writes both or neither. */
  private static int rowsMinusInstances(JdbcTemplate jdbc) {
    return count(jdbc, "select count(*) from supervision_sweep")
        - count(
            jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision'");
  }

  /**
   * How often the weekly timer fired: its successful job runs (a sweep started by hand begins at
   * the same start event, so the instances cannot tell).
   */
  static int timerFires(JdbcTemplate jdbc) {
    return count(
        jdbc,
        "select count(*) from act_hi_job_log where process_def_key_ = 'weeklySupervision'"
            + " and job_def_type_ = 'timer-start-event' and job_state_ = 2");
  }

  static int count(JdbcTemplate jdbc, String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  static void waitFor(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + timeout);
      }
      AppProcess.sleep(100);
    }
  }
}
