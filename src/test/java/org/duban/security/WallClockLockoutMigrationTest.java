package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.duban.TestPostgres;
import org.duban.org.db.V20__ClearEnginePasswords;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V21, on H2 and on PostgreSQL: lock-outs written while the demo clock ran days ahead are
 * lifted (lock-outs now run on the wall clock), an ordinary one stays; and people get the demo
 * account flag, off.
 */
class WallClockLockoutMigrationTest {

  @Test
  void onH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:v21migration;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    migrateAndCheck(h2);
  }

  @Test
  void onPostgres() throws Exception {
    migrateAndCheck(TestPostgres.freshDatabase());
  }

  private static void migrateAndCheck(DataSource dataSource) {
    flyway(dataSource, "20").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    LocalDateTime now = LocalDateTime.now();
    String insert =
        "insert into login_lockout (username, failed_count, last_failed_at, locked_until) values (?, 5, ?, ?)";
    jdbc.update(
        insert,
        "demo-ahead",
        Timestamp.valueOf(now.plusDays(30)),
        Timestamp.valueOf(now.plusDays(30).plusMinutes(15)));
    jdbc.update(
        insert, "locked-now", Timestamp.valueOf(now), Timestamp.valueOf(now.plusMinutes(15)));
    jdbc.update(
        "insert into person (id, username, full_name, password_hash, active) values (1, 'p', 'P', 'x', true)");

    flyway(dataSource, "21").migrate();

    assertThat(jdbc.queryForList("select username from login_lockout", String.class))
        .containsExactly("locked-now");
    assertThat(jdbc.queryForObject("select demo_account from person where id = 1", Boolean.class))
        .isFalse();
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
