package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.duban.TestPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V10 names each existing department's head from its DEPT_HEAD members (the first the
 * head, any others deputies), on H2 and on PostgreSQL, so that who leads a department stays as it
 * was.
 */
class DepartmentHeadsMigrationTest {

  @Test
  void onH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:v10migration;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    migrateAndCheck(h2);
  }

  @Test
  void onPostgres() throws Exception {
    migrateAndCheck(TestPostgres.freshDatabase());
  }

  private static void migrateAndCheck(DataSource dataSource) {
    flyway(dataSource, "9").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update(
        "insert into department (id, code, name, kind) values (1, 'a', '甲科', 'FUNCTIONAL'), "
            + "(2, 'b', '乙科', 'FUNCTIONAL'), (3, 'c', '丙科', 'CLINICAL')");
    Object[][] persons = {
      {10, "a_staff", 1, "STAFF", true},
      {11, "a_head", 1, "DEPT_HEAD", true},
      {12, "a_head2", 1, "DEPT_HEAD", true},
      {13, "a_gone", 1, "DEPT_HEAD", false},
      {20, "b_staff", 2, "STAFF", true},
      {30, "c_head_old", 3, "DEPT_HEAD", false},
      {31, "c_head", 3, "DEPT_HEAD", true}
    };
    for (Object[] p : persons) {
      jdbc.update(
          "insert into person (id, username, full_name, password_hash, department_id, active) values (?, ?, ?, 'x', ?, ?)",
          p[0],
          p[1],
          p[1],
          p[2],
          p[4]);
      jdbc.update("insert into person_role (person_id, role) values (?, ?)", p[0], p[3]);
    }

    flyway(dataSource, "10").migrate();

    assertThat(jdbc.queryForList("select id, head_person_id from department order by id"))
        .extracting(
            row -> ((Number) row.get("id")).longValue(),
            row ->
                row.get("head_person_id") == null
                    ? null
                    : ((Number) row.get("head_person_id")).longValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 11L),
            org.assertj.core.groups.Tuple.tuple(2L, null),
            org.assertj.core.groups.Tuple.tuple(3L, 31L));
    List<Map<String, Object>> deputies =
        jdbc.queryForList("select department_id, person_id from department_deputy");
    assertThat(deputies).hasSize(1);
    assertThat(((Number) deputies.get(0).get("department_id")).longValue()).isEqualTo(1L);
    assertThat(((Number) deputies.get(0).get("person_id")).longValue()).isEqualTo(12L);
  }

  private static Flyway flyway(DataSource dataSource, String target) {
    // the Java migration V4_1 (holidays) is a Spring bean and not needed here
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table("duban_schema_history")
        .target(target)
        .load();
  }
}
