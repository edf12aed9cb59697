package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every table's rows, reduced to a count and an order-free fingerprint of their contents, so that a
 * case can say "nothing changed" about the whole database (Duban's tables and the engine's) and
 * name the tables that did. Tables that record the attempt itself (the audit log, the lock-out
 * counts) are left out; the cases about them assert on them directly. So are the sessions (Spring
 * Session's tables): any request may open or touch one, which changes no one's data.
 */
final class DatabaseState {

  private static final Set<String> RECORDS_OF_ATTEMPTS =
      Set.of("AUDIT_EVENT", "LOGIN_LOCKOUT", "SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES");

  /**
   * Tables a case's "nothing changed" must have looked at: Duban's records and the engine's. A
   * fingerprint without one of them (a wrong schema, a renamed table) would find nothing changed
   * because it read nothing.
   */
  static final Set<String> TABLES_THAT_MATTER =
      Set.of(
          "TASK_BOOK",
          "GOAL_AREA",
          "WORK_ITEM",
          "WORK_ITEM_COLLABORATOR",
          "ITEM_EVENT",
          "CHECK_IN",
          "RECTIFICATION",
          "SUPERVISION_NOTICE",
          "DECOMPOSITION_UPLOAD",
          "INBOX_ENTRY",
          "PERSON",
          "PERSON_ROLE",
          "DEPARTMENT",
          "ACT_RE_DEPLOYMENT",
          "ACT_RE_PROCDEF",
          "ACT_GE_BYTEARRAY",
          "ACT_RU_EXECUTION",
          "ACT_RU_TASK",
          "ACT_RU_VARIABLE",
          "ACT_RU_JOB",
          "ACT_HI_PROCINST",
          "ACT_HI_TASKINST");

  /**
   * Of those, the ones every attack scene has rows in: the test hospital and the deployed
   * processes.
   */
  static final Set<String> NEVER_EMPTY =
      Set.of(
          "PERSON",
          "PERSON_ROLE",
          "DEPARTMENT",
          "ACT_RE_DEPLOYMENT",
          "ACT_RE_PROCDEF",
          "ACT_GE_BYTEARRAY");

  private final Map<String, String> tables;

  private DatabaseState(Map<String, String> tables) {
    this.tables = tables;
  }

  static DatabaseState of(JdbcTemplate jdbc) {
    return of(jdbc, NEVER_EMPTY);
  }

  /** A fresh installation: the first admin and the deployed processes, but no departments yet. */
  static DatabaseState ofFreshInstallation(JdbcTemplate jdbc) {
    return of(
        jdbc,
        Set.of("PERSON", "PERSON_ROLE", "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_GE_BYTEARRAY"));
  }

  private static DatabaseState of(JdbcTemplate jdbc, Set<String> neverEmpty) {
    List<String> names =
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'",
            String.class);
    Map<String, String> tables = new TreeMap<>();
    for (String name : names) {
      if (RECORDS_OF_ATTEMPTS.contains(name.toUpperCase())) {
        continue;
      }
      long[] fingerprint = new long[2];
      jdbc.query(
          "select * from \"" + name + "\"",
          (ResultSet rs) -> {
            int columns = rs.getMetaData().getColumnCount();
            long row = 17;
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              int hash =
                  value instanceof byte[] bytes
                      ? Arrays.hashCode(bytes)
                      : value instanceof java.sql.Blob || value instanceof java.sql.Clob
                          ? rs.getString(i).hashCode()
                          : String.valueOf(value).hashCode();
              row = row * 31 + hash;
            }
            fingerprint[0]++;
            fingerprint[1] += row * 0x9E3779B97F4A7C15L;
          });
      tables.put(name.toUpperCase(), fingerprint[0] + " rows #" + Long.toHexString(fingerprint[1]));
      if (neverEmpty.contains(name.toUpperCase())) {
        assertThat(fingerprint[0]).as("rows of %s seen by the fingerprint", name).isPositive();
      }
    }
    assertThat(tables.keySet())
        .as("tables seen by the fingerprint")
        .containsAll(TABLES_THAT_MATTER);
    return new DatabaseState(tables);
  }

  /** Asserts that no table's rows changed since this state was taken. */
  void assertUnchanged(JdbcTemplate jdbc) {
    Map<String, String> now = of(jdbc, Set.of()).tables;
    assertThat(now.keySet()).as("tables of the database").isEqualTo(tables.keySet());
    Map<String, String> changed = new TreeMap<>();
    for (Map.Entry<String, String> e : now.entrySet()) {
      if (!e.getValue().equals(tables.get(e.getKey()))) {
        changed.put(e.getKey(), tables.get(e.getKey()) + " → " + e.getValue());
      }
    }
    assertThat(changed).as("tables changed by a refused request").isEmpty();
  }
}
