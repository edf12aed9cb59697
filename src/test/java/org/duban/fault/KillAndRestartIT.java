package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 in the middle of work, on PostgreSQL, with the app as its own process: the supervision
 * office starts the weekly sweep (acknowledged with a 302) and the process is killed while the job
 * executor lights its items. After a restart on the same database the sweep is there with its
 * process instance (no row without instance or the other way round), it goes on to its end with
 * one light per item, and the office's session survives. Then the app is killed again, the weekly
 * timer falls due while it is down, and after the restart it fires exactly once and is armed for
 * next Monday.
 */
class KillAndRestartIT {

  private static final String SWEEPS_OF_TEST = "select count(*) from supervision_sweep where id > ?";

  @Test
  void acknowledgedWorkSurvivesASigkillAndTheMissedTimerFiresOnce() throws Exception {
    try (FaultPostgres db = FaultPostgres.start();
        AppProcess app = db.node("kill-restart")
            // a job locked by the killed process is taken again after this long (default 5 minutes)
            .property("camunda.bpm.job-execution.lock-time-in-millis", "15000")
            .property("camunda.bpm.job-execution.max-wait", "3000")) {
      JdbcTemplate jdbc = db.jdbc();
      app.start();
      long lastSweepBefore = jdbc.queryForObject("select coalesce(max(id), 0) from supervision_sweep", Long.class);
      int incidentsBefore = count(jdbc, "select count(*) from act_ru_incident");
      int timerFiresBefore = timerFires(jdbc);
      int rowsWithoutInstance = rowsMinusInstances(jdbc);

      // Given the supervision office starting the weekly sweep by hand (acknowledged with a 302)
      WebClient office = new WebClient(app.baseUrl()).logIn("ducha");
      HttpResponse<String> started = office.post("/supervision", "/supervision/sweep", Map.of());
      assertThat(started.statusCode()).isEqualTo(302);
      assertThat(started.headers().firstValue("Location").orElse("")).endsWith("/supervision");
      long sweep = jdbc.queryForObject("select max(id) from supervision_sweep", Long.class);
      assertThat(sweep).as("the acknowledged sweep is written").isGreaterThan(lastSweepBefore);

      // When the process is killed while the job executor lights the sweep's items
      waitFor(Duration.ofSeconds(120), () -> count(jdbc, "select count(*) from light_assessment where sweep_id = ?", sweep) > 0);
      app.kill();
      int lit = count(jdbc, "select count(*) from light_assessment where sweep_id = ?", sweep);
      int pendingJobs = count(jdbc, "select count(*) from act_ru_job where process_def_key_ = 'weeklySupervision' and handler_type_ <> 'timer-start-event'");
      System.out.printf("[fault] killed with %d items lit and %d jobs pending%n", lit, pendingJobs);
      assertThat(count(jdbc, "select count(*) from supervision_sweep where id = ? and finished_at is null", sweep))
          .as("killed in the middle of the sweep").isEqualTo(1);
      assertThat(rowsMinusInstances(jdbc)).as("a sweep row for every sweep instance, and no other").isEqualTo(rowsWithoutInstance);

      // Then after a restart the session is still there and the sweep goes on to its end
      app.start();
      assertThat(office.get("/supervision").statusCode()).as("the session outlived the process").isEqualTo(200);
      waitFor(Duration.ofSeconds(150), () -> count(jdbc,
          "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision' and end_time_ is null") == 0);
      int items = count(jdbc, "select count(*) from light_assessment where sweep_id = ?", sweep);
      assertThat(items).as("one light per item").isPositive()
          .isEqualTo(count(jdbc, "select count(distinct work_item_id) from light_assessment where sweep_id = ?", sweep))
          .isEqualTo(count(jdbc, "select green + yellow + red from supervision_sweep where id = ? and finished_at is not null", sweep));
      int sweepRows = count(jdbc, SWEEPS_OF_TEST, lastSweepBefore);
      assertThat(sweepRows).isEqualTo(1);

      // When the app is killed again and the weekly timer falls due while it is down
      app.kill();
      int timers = count(jdbc, "select count(*) from act_ru_job where handler_type_ = 'timer-start-event' and process_def_key_ = 'weeklySupervision'");
      assertThat(timers).isEqualTo(1);
      jdbc.update("update act_ru_job set duedate_ = ? where handler_type_ = 'timer-start-event' and process_def_key_ = 'weeklySupervision'",
          new Timestamp(System.currentTimeMillis() - Duration.ofHours(1).toMillis()));

      // Then after the restart it fires once, and is armed for next week
      app.start();
      waitFor(Duration.ofSeconds(150), () -> timerFires(jdbc) > timerFiresBefore
          && count(jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision' and end_time_ is null") == 0);
      AppProcess.sleep(8000);

      assertThat(timerFires(jdbc)).as("the timer that fell due while down fired once").isEqualTo(timerFiresBefore + 1);
      Timestamp next = jdbc.queryForObject(
          "select duedate_ from act_ru_job where handler_type_ = 'timer-start-event' and process_def_key_ = 'weeklySupervision'", Timestamp.class);
      assertThat(next).as("armed again, for the future").isAfter(new Timestamp(System.currentTimeMillis()));
      assertThat(count(jdbc, SWEEPS_OF_TEST, lastSweepBefore)).as("one more sweep: the timer's").isEqualTo(sweepRows + 1);
      assertThat(rowsMinusInstances(jdbc)).as("a sweep row for every sweep instance, and no other").isEqualTo(rowsWithoutInstance);
      List<Map<String, Object>> sweeps = jdbc.queryForList(
          "select s.id, s.finished_at, s.green + s.yellow + s.red as lit, count(l.id) as lights,"
              + " count(distinct l.work_item_id) as items from supervision_sweep s"
              + " left join light_assessment l on l.sweep_id = s.id where s.id > ? group by s.id, s.finished_at, s.green, s.yellow, s.red",
          lastSweepBefore);
      int open = count(jdbc, "select count(*) from light_assessment where sweep_id = (select max(id) from supervision_sweep)");
      assertThat(open).isPositive();
      for (Map<String, Object> row : sweeps) {
        assertThat(row.get("finished_at")).as("sweep %s finished", row.get("id")).isNotNull();
        assertThat(((Number) row.get("lights")).intValue()).as("sweep %s: one light per item", row.get("id"))
            .isEqualTo(((Number) row.get("items")).intValue()).isEqualTo(open)
            .isEqualTo(((Number) row.get("lit")).intValue());
      }
      assertThat(count(jdbc, "select count(*) from act_ru_incident")).isEqualTo(incidentsBefore);
      assertThat(count(jdbc, "select count(*) from (select iso_week, work_item_id from weekly_ladder_step"
          + " group by iso_week, work_item_id having count(*) > 1) twice")).isZero();
      System.out.printf("[fault] after restart: %d sweeps of the test finished with %d lights each; resident %d MB%n",
          sweeps.size(), open, app.residentKb() / 1024);
    }
  }

  /** Sweep rows less sweep instances: unchanged when one transaction writes both or neither. */
  private static int rowsMinusInstances(JdbcTemplate jdbc) {
    return count(jdbc, "select count(*) from supervision_sweep")
        - count(jdbc, "select count(*) from act_hi_procinst where proc_def_key_ = 'weeklySupervision'");
  }

  /**
   * How often the weekly timer fired: its successful job runs (a sweep started by hand begins at
   * the same start event, so the instances cannot tell).
   */
  static int timerFires(JdbcTemplate jdbc) {
    return count(jdbc, "select count(*) from act_hi_job_log where process_def_key_ = 'weeklySupervision'"
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
