package org.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duban.IssuedItemFixture;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.infrastructure.EngineClock;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The board (院领导驾驶舱) over 10,000 items and 120,000 check-ins on PostgreSQL (embedded, behind a
 * Hikari pool as in production): render time of the page and of its chart data, median and p95 over
 * 100 requests each after a warm-up, and the SQL statements Hibernate runs per request. A
 * benchmark, not a test: {@code mvn -Pbenchmark test -Dtest=BoardBenchmark}; {@code
 * -Dbenchmark.items=2000} for a smaller one. Prints a table and asserts no timing.
 */
@SpringBootTest(
    properties = {
      "spring.jpa.properties.hibernate.generate_statistics=true",
      "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=WARN"
    })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(BenchmarkPostgres.class)
class BoardBenchmark {

  private static final int ITEMS = Integer.getInteger("benchmark.items", 10_000);
  private static final int MONTHS = 12;
  private static final int REQUESTS = 100;
  private static final int WARM_UP = 10;
  private static final String[] AREAS = {"党的建设", "医疗质量", "护理服务", "科研教学", "人才队伍", "信息化建设"};

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired EntityManagerFactory entityManagerFactory;

  @Test
  void boardOverTenThousandItems() throws Exception {
    hospital.ensure();
    TaskBook book = fixture.draft("基准测试-驾驶舱");
    long seedStart = System.nanoTime();
    seed(book);
    long seeded = System.nanoTime();
    jdbc.execute("analyze");
    Integer items = jdbc.queryForObject("select count(*) from work_item", Integer.class);
    Integer checkIns = jdbc.queryForObject("select count(*) from check_in", Integer.class);
    System.out.printf(
        "%nseeded %,d items and %,d check-ins in %,d ms%n",
        items, checkIns, (seeded - seedStart) / 1_000_000);

    Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    Timing page = time(get("/board"), statistics);
    Timing data = time(get("/board/data"), statistics);
    Timing department =
        time(
            get("/board")
                .param("department", String.valueOf(hospital.department("tmedical").getId())),
            statistics);
    Timing redItems = time(get("/board/items").param("show", "RED"), statistics);

    System.out.printf(
        "%n| board on PostgreSQL, %,d items, %,d check-ins | median | p95 | max | statements per request |%n",
        items, checkIns);
    System.out.printf("|---|---|---|---|---|%n");
    page.print("GET /board (leader, whole hospital)");
    data.print("GET /board/data (chart data)");
    department.print("GET /board?department= (one department)");
    redItems.print("GET /board/items?show=RED (first page)");
    System.out.printf(
        "%n%d requests each after %d warm-up requests; statements = SQL statements Hibernate"
            + " prepared, including the page's log-in and inbox look-ups%n%n",
        REQUESTS, WARM_UP);
    assertThat(page.medianMs()).isPositive();
  }

  private Timing time(MockHttpServletRequestBuilder request, Statistics statistics)
      throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      perform(request);
    }
    long[] nanos = new long[REQUESTS];
    statistics.clear();
    for (int i = 0; i < REQUESTS; i++) {
      long start = System.nanoTime();
      perform(request);
      nanos[i] = System.nanoTime() - start;
    }
    long statements = statistics.getPrepareStatementCount();
    Arrays.sort(nanos);
    return new Timing(nanos, statements / (double) REQUESTS);
  }

  private void perform(MockHttpServletRequestBuilder request) throws Exception {
    mvc.perform(request.with(user(hospital.user("tleader")))).andExpect(status().isOk());
  }

  private record Timing(long[] sorted, double statementsPerRequest) {
    double medianMs() {
      return sorted[sorted.length / 2] / 1e6;
    }

    double p95Ms() {
      return sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
    }

    void print(String what) {
      System.out.printf(
          "| %s | %,.1f ms | %,.1f ms | %,.1f ms | %.1f |%n",
          what, medianMs(), p95Ms(), sorted[sorted.length - 1] / 1e6, statementsPerRequest);
    }
  }

  /**
   * One issued book: items spread over six goal areas, the test hospital's departments and leaders;
   * lights 70% green, 15% yellow, 8% red, the rest not yet lit; 5% closed; one check-in per item
   * and month of the year, progress rising month by month.
   */
  private void seed(TaskBook book) {
    LocalDate today = EngineClock.today();
    int year = today.getYear();
    LocalDateTime issued = LocalDateTime.of(year, 1, 5, 9, 0);
    jdbc.update(
        "update task_book set status = 'ISSUED', issued_at = ?, period_start = ? where id = ?",
        Timestamp.valueOf(issued),
        Date.valueOf(LocalDate.of(year, 1, 1)),
        book.getId());
    List<Long> areas = new ArrayList<>();
    int sort = 100;
    for (String area : AREAS) {
      jdbc.update(
          "insert into goal_area (task_book_id, name, sort_order) values (?, ?, ?)",
          book.getId(),
          area,
          sort++);
      areas.add(
          jdbc.queryForObject(
              "select id from goal_area where task_book_id = ? and name = ?",
              Long.class,
              book.getId(),
              area));
    }
    List<Long> departments =
        jdbc.queryForList("select id from department where code like 't%' order by id", Long.class);
    Long[] leaders = {
      hospital.personId("tleader"), hospital.personId("treviewer"), hospital.personId("tincharge")
    };
    String itemSql =
        "insert into work_item (task_book_id, goal_area_id, seq, title, lead_department_id,"
            + " leader_in_charge_id, deadline, stage, percent_done, light, light_reason, issued_at, closed_at, version)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    List<Object[]> batch = new ArrayList<>();
    for (int i = 1; i <= ITEMS; i++) {
      int kind = i % 100;
      boolean closed = kind >= 95;
      String light = kind < 70 ? "GREEN" : kind < 85 ? "YELLOW" : kind < 93 ? "RED" : null;
      LocalDate deadline =
          kind >= 85 && kind < 89 ? today.minusDays(10) : LocalDate.of(year, 12, 31);
      batch.add(
          new Object[] {
            book.getId(),
            areas.get(i % areas.size()),
            "B" + i,
            "第" + i + "项重点工作",
            departments.get(i % departments.size()),
            leaders[i % leaders.length],
            Date.valueOf(deadline),
            closed ? "CLOSED" : "IN_PROGRESS",
            closed ? 100 : 10 + kind % 80,
            light,
            light == null ? null : "基准数据",
            Timestamp.valueOf(issued),
            closed ? Timestamp.valueOf(issued.plusMonths(6)) : null
          });
      if (batch.size() == 1000) {
        jdbc.batchUpdate(itemSql, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      jdbc.batchUpdate(itemSql, batch);
      batch.clear();
    }
    List<Long> itemIds =
        jdbc.queryForList(
            "select id from work_item where task_book_id = ? order by id",
            Long.class,
            book.getId());
    String checkInSql =
        "insert into check_in (work_item_id, period, status, percent_done, narrative, submitted_by,"
            + " recorded_at) values (?, ?, ?, ?, ?, ?, ?)";
    for (int m = 1; m <= MONTHS; m++) {
      YearMonth month = YearMonth.of(year, m);
      for (int n = 0; n < itemIds.size(); n++) {
        boolean missed = (n + m) % 23 == 0;
        batch.add(
            new Object[] {
              itemIds.get(n),
              month.toString(),
              missed ? "MISSED" : "SUBMITTED",
              missed ? null : Math.min(100, m * 8 + n % 7),
              missed ? null : "按计划推进",
              missed ? null : "tmedhead",
              Timestamp.valueOf(month.atEndOfMonth().atTime(17, 0))
            });
        if (batch.size() == 2000) {
          jdbc.batchUpdate(checkInSql, batch);
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      jdbc.batchUpdate(checkInSql, batch);
    }
  }
}
