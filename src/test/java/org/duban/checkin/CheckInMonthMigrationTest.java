package org.duban.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.duban.TestPostgres;
import org.duban.org.db.V20__ClearEnginePasswords;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V30, on H2 and on PostgreSQL: check-ins stored by rounds of the release before, under
 * the month the round opened in, move to the month they reported on (2026-06 to 2026-05, 2027-01 to
 * 2026-12), with the history lines that name them; items get an empty start date.
 */
class CheckInMonthMigrationTest {

  @Test
  void onH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:v30migration;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    migrateAndCheck(h2);
  }

  @Test
  void onPostgres() throws Exception {
    migrateAndCheck(TestPostgres.freshDatabase());
  }

  private static void migrateAndCheck(DataSource dataSource) {
    flyway(dataSource, "26").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update(
        "insert into department (id, code, name, kind) values (1, 'medical', '医务部', 'FUNCTIONAL')");
    jdbc.update(
        "insert into person (id, username, full_name, password_hash) values (1, 'p', 'P', 'x')");
    jdbc.update(
        "insert into task_book (id, book_level, title, book_year, period_start, period_end, issuer_id, status,"
            + " created_at) values (1, 'HOSPITAL', '2026年任务书', 2026, date '2026-01-01', date '2026-12-31', 1, 'ISSUED',"
            + " timestamp '2026-01-05 09:00:00')");
    jdbc.update(
        "insert into goal_area (id, task_book_id, name, sort_order) values (1, 1, '医疗服务', 0)");
    for (int id = 1; id <= 2; id++) {
      jdbc.update(
          "insert into work_item (id, task_book_id, goal_area_id, seq, title, lead_department_id,"
              + " leader_in_charge_id, deadline, stage, issued_at) values (?, 1, 1, ?, '事项', 1, 1, date '2026-12-31',"
              + " 'IN_PROGRESS', timestamp '2026-01-05 09:00:00')",
          id,
          String.valueOf(id));
    }
    // Given the rounds of 1 May, 1 June and 4 January as the release before stored them: under the
    // month
    // each round opened in (item 1 has both 2026-05 and 2026-06, so moving one onto the other's
    // month
    // would break the unique key if the rows moved one by one)
    String checkIn =
        "insert into check_in (id, work_item_id, period, status, percent_done, recorded_at)"
            + " values (?, ?, ?, ?, ?, timestamp '2026-06-02 10:00:00')";
    jdbc.update(checkIn, 1, 1, "2026-05", "SUBMITTED", 10);
    jdbc.update(checkIn, 2, 1, "2026-06", "SUBMITTED", 30);
    jdbc.update(checkIn, 3, 1, "2027-01", "MISSED", null);
    jdbc.update(checkIn, 4, 2, "2026-12", "SUBMITTED", 90);
    String event =
        "insert into item_event (work_item_id, task_book_id, occurred_at, actor, kind, detail)"
            + " values (1, 1, timestamp '2026-06-02 10:00:00', 'tmedhead', ?, ?)";
    jdbc.update(event, "CHECK_IN_SUBMITTED", "2026-06：30%");
    jdbc.update(event, "CHECK_IN_MISSED", "2027-01");
    jdbc.update(event, "CHECK_IN_SUBMITTED", "2026-10：100%");
    jdbc.update(event, "LIGHT_SET", "2026-06 绿灯：按计划推进");

    // When V30 runs
    flyway(dataSource, "30").migrate();

    // Then every check-in is filed under the month it reported on, December under its own year
    assertThat(jdbc.queryForList("select period from check_in order by id", String.class))
        .containsExactly("2026-04", "2026-05", "2026-12", "2026-11");
    // and the history names the same months; other lines are left as they were
    assertThat(jdbc.queryForList("select detail from item_event order by id", String.class))
        .containsExactly("2026-05：30%", "2026-12", "2026-09：100%", "2026-06 绿灯：按计划推进");
    // and items have a start date column, empty, and lights the count of reports
    assertThat(jdbc.queryForList("select start_date from work_item", Object.class))
        .containsOnlyNulls()
        .hasSize(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from light_assessment where submitted_check_ins is not null",
                Integer.class))
        .isZero();
    assertThat(flyway(dataSource, "30").info().current().getVersion().getVersion()).isEqualTo("30");
  }

  private static Flyway flyway(DataSource dataSource, String target) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new V20__ClearEnginePasswords())
        .table("duban_schema_history")
        .target(target)
        .load();
  }
}
