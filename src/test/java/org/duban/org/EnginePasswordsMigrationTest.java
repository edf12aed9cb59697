package org.duban.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.duban.TestPostgres;
import org.duban.org.db.V20__ClearEnginePasswords;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V20 clears the passwords Duban once wrote into the engine's user table, on H2 and on
 * PostgreSQL, and runs on a fresh database where the engine has not created its tables yet.
 */
class EnginePasswordsMigrationTest {

  @Test
  void onH2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:v20migration;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    migrateAndCheck(
        h2,
        "create table ACT_ID_USER (ID_ varchar(64) primary key, PWD_ varchar(255), SALT_ varchar(255))");
  }

  @Test
  void onPostgres() throws Exception {
    migrateAndCheck(
        TestPostgres.freshDatabase(),
        "create table act_id_user (id_ varchar(64) primary key, pwd_ varchar(255), salt_ varchar(255))");
  }

  @Test
  void aDatabaseWithoutTheEngineTablesYetMigratesWithNothingToClear() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:v20fresh;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    var result = flyway(h2, "20").migrate();
    assertThat(result.success).isTrue();
    assertThat(result.targetSchemaVersion).isEqualTo("20");
  }

  private static void migrateAndCheck(DataSource dataSource, String engineTable) {
    flyway(dataSource, "19").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute(engineTable);
    jdbc.update(
        "insert into act_id_user (id_, pwd_, salt_) values ('a', '{SHA-512}abc', 'salt'), ('b', null, null)");

    flyway(dataSource, "20").migrate();

    List<Map<String, Object>> rows =
        jdbc.queryForList("select id_, pwd_, salt_ from act_id_user order by id_");
    // (JdbcTemplate's rows ignore the case of column names)
    assertThat(rows)
        .hasSize(2)
        .allSatisfy(
            row -> {
              assertThat(row.get("pwd_")).isNull();
              assertThat(row.get("salt_")).isNull();
            });
  }

  private static Flyway flyway(DataSource dataSource, String target) {
    // V4_1 (holidays) is a Spring bean and not needed here; V20 is the migration under test
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new V20__ClearEnginePasswords())
        .table("duban_schema_history")
        .target(target)
        .load();
  }
}
