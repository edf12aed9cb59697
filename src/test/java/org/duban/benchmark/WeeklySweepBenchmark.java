package org.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.IssuedItemFixture;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.infrastructure.EngineClock;
import org.duban.light.WeeklySupervisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Seeds 50,000 open items on PostgreSQL (embedded, behind a Hikari pool as in production) with
 * batched JDBC, then times one weekly sweep end to end with the job executor running it, as in
 * production: start (one job per chunk), every item's job, and the finish. Prints items/s, wall
 * time and the heap's peak. A benchmark, not a test: it runs only with {@code mvn -Pbenchmark test
 * -Dtest=WeeklySweepBenchmark} and asserts no timing. {@code -Dbenchmark.items=5000} runs a smaller
 * one.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
@Import(BenchmarkPostgres.class)
class WeeklySweepBenchmark {

  private static final int ITEMS = Integer.getInteger("benchmark.items", 50_000);
  private static final long TIMEOUT_MS = Long.getLong("benchmark.timeoutMinutes", 90L) * 60_000;

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired WeeklySupervisionService supervision;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void sweepFiftyThousandOpenItems() throws Exception {
    hospital.ensure();
    TaskBook book = fixture.draft("基准测试-周督查");
    long seedStart = System.nanoTime();
    seed(book);
    long seeded = System.nanoTime();
    System.out.printf(
        "%nseeded %,d open items in %,d ms%n", ITEMS, (seeded - seedStart) / 1_000_000);

    resetPeaks();
    long start = System.nanoTime();
    String instance = supervision.runNow("benchmark");
    long started = System.nanoTime();
    Long sweepId = jdbc.queryForObject("select max(id) from supervision_sweep", Long.class);
    System.out.printf(
        "sweep started in %,d ms: %,d chunk jobs%n",
        (started - start) / 1_000_000,
        managementService.createJobQuery().processInstanceId(instance).count());
    long lastReport = started;
    while (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
      Thread.sleep(1000);
      if (System.nanoTime() - lastReport > 30_000_000_000L) {
        lastReport = System.nanoTime();
        Integer lit =
            jdbc.queryForObject(
                "select count(*) from light_assessment where sweep_id = ?", Integer.class, sweepId);
        System.out.printf(
            "... %,d s: %,d items lit (%.0f items/s), %,d jobs left, %,d incidents, heap peak %,d MiB%n",
            (lastReport - start) / 1_000_000_000,
            lit,
            lit / ((lastReport - start) / 1e9),
            managementService.createJobQuery().processInstanceId(instance).count(),
            runtimeService.createIncidentQuery().processInstanceId(instance).count(),
            heapPeak() / (1024 * 1024));
      }
      if (System.nanoTime() - start > TIMEOUT_MS * 1_000_000) {
        break;
      }
    }
    long finished = System.nanoTime();
    long peak = heapPeak();

    Integer lit =
        jdbc.queryForObject(
            "select count(*) from light_assessment where sweep_id = ?", Integer.class, sweepId);
    List<String> counts = new ArrayList<>();
    jdbc.query(
        "select light, count(*) from light_assessment where sweep_id = ? group by light order by light",
        row -> {
          counts.add(row.getString(1) + " " + row.getInt(2));
        },
        sweepId);
    Integer steps =
        jdbc.queryForObject(
            "select count(*) from weekly_ladder_step where sweep_id = ?", Integer.class, sweepId);
    Integer escalated =
        jdbc.queryForObject(
            "select count(*) from weekly_ladder_step where sweep_id = ? and escalated = true",
            Integer.class,
            sweepId);
    double seconds = (finished - start) / 1e9;
    System.out.printf("%n| weekly sweep on PostgreSQL | %,d open items |%n", ITEMS);
    System.out.printf("|---|---|%n");
    System.out.printf("| seed (batched JDBC) | %,d ms |%n", (seeded - seedStart) / 1_000_000);
    System.out.printf(
        "| start: sweep and one job per chunk (runNow) | %,d ms |%n",
        (started - start) / 1_000_000);
    System.out.printf("| wall time, start to finished sweep | %,.1f s |%n", seconds);
    System.out.printf("| items lit | %,d (%s) |%n", lit, String.join(", ", counts));
    System.out.printf("| throughput | %,.0f items/s |%n", lit / seconds);
    System.out.printf("| put to the ladder / escalations opened | %,d / %,d |%n", steps, escalated);
    System.out.printf(
        "| sweep finished | %s |%n",
        runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    System.out.printf("| heap peak during the sweep | %,d MiB |%n%n", peak / (1024 * 1024));
    assertThat(lit).isPositive();
  }

  /**
   * 50,000 items of one issued book, led by 测试医务部: 90% on plan (GREEN), 7% 13 points behind 序时进度
   * (YELLOW), 3% past their deadline (RED).
   */
  private void seed(TaskBook book) {
    LocalDate today = EngineClock.today();
    LocalDateTime issued = EngineClock.now().minusDays(10);
    Long goalArea =
        jdbc.queryForObject(
            "select id from goal_area where task_book_id = ?", Long.class, book.getId());
    Long department = hospital.department("tmedical").getId();
    Long leader = hospital.personId("tincharge");
    jdbc.update(
        "update task_book set status = 'ISSUED', issued_at = ? where id = ?",
        Timestamp.valueOf(issued),
        book.getId());
    // work started 30 days ago (a sheet's start date), so 序时进度 is 30 of 230 days for the items due
    // ahead
    String sql =
        "insert into work_item (task_book_id, goal_area_id, seq, title, lead_department_id,"
            + " leader_in_charge_id, deadline, stage, percent_done, issued_at, start_date, version)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, 0)";
    List<Object[]> batch = new ArrayList<>();
    for (int i = 1; i <= ITEMS; i++) {
      int kind = i % 100;
      boolean red = kind < 3;
      boolean yellow = kind >= 3 && kind < 10;
      LocalDate deadline = red ? today.minusDays(3) : today.plusDays(200);
      int percent = red ? 40 : yellow ? 0 : 20;
      batch.add(
          new Object[] {
            book.getId(),
            goalArea,
            String.valueOf(i),
            "第" + i + "项重点工作",
            department,
            leader,
            Date.valueOf(deadline),
            percent,
            Timestamp.valueOf(issued),
            Date.valueOf(today.minusDays(30))
          });
      if (batch.size() == 1000) {
        jdbc.batchUpdate(sql, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      jdbc.batchUpdate(sql, batch);
    }
    // every item has had its first round (the sweep lights only those, or items past their
    // deadline)
    jdbc.update(
        "insert into check_in (work_item_id, period, status, percent_done, recorded_at)"
            + " select id, ?, 'SUBMITTED', percent_done, ? from work_item where task_book_id = ?",
        java.time.YearMonth.from(today).minusMonths(1).toString(),
        Timestamp.valueOf(issued.plusDays(1)),
        book.getId());
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
