package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.duban.HttpBrowser;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Sessions live in the database (Spring Session JDBC, Flyway V16), not in one node's memory: the
 * log-in is a row with the person's name and the 8-hour timeout, everything Duban, Spring Security
 * and the Camunda webapps keep in it is stored and read back, and removing the row logs the person
 * out, so any node reading the same database serves the same session.
 */
@RunningAppTest
class SessionsInDatabaseTest {

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired JdbcTemplate jdbc;
  @Autowired JdbcIndexedSessionRepository sessions;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  private HttpBrowser browser() {
    return HttpBrowser.onPort(port);
  }

  @Test
  void aLogInIsARowInTheDatabaseWithTheEightHourTimeout() throws Exception {
    HttpBrowser browser = browser().logIn("tmedhead", TestHospital.PASSWORD);
    String cookie = browser.cookie("JSESSIONID").orElseThrow().getValue();

    Map<String, Object> row =
        jdbc.queryForMap(
            "select max_inactive_interval, expiry_time - last_access_time as lifetime from spring_session"
                + " where principal_name = 'tmedhead' order by creation_time desc fetch first 1 rows only");
    assertThat(((Number) row.get("max_inactive_interval")).intValue()).isEqualTo(8 * 3600);
    assertThat(((Number) row.get("lifetime")).longValue()).isEqualTo(8 * 3600 * 1000L);
    assertThat(cookie).isNotBlank();
    assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);
  }

  @Test
  void whatIsKeptInASessionIsStoredAndReadBackAcrossRequests() throws Exception {
    // a page session with a flash message after a form post, and an admin in Cockpit
    HttpBrowser staff = browser().logIn("tmedhead", TestHospital.PASSWORD);
    HttpResponse<String> readAll = staff.post("/inbox", "/inbox/read-all", Map.of());
    assertThat(readAll.statusCode()).isEqualTo(302);
    assertThat(staff.get("/inbox").body())
        .as("the flash message, read back from the database")
        .contains("已全部标为已读");
    HttpBrowser admin = browser().logIn("tadmin", TestHospital.PASSWORD);
    assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> who = admin.get("/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body()).contains("tadmin");

    List<Map<String, Object>> attributes =
        jdbc.queryForList(
            "select a.attribute_name, a.attribute_bytes from spring_session_attributes a"
                + " join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = 'tadmin'");
    assertThat(attributes)
        .extracting(a -> a.get("attribute_name"))
        .contains("SPRING_SECURITY_CONTEXT", "authenticatedUser");
    for (Map<String, Object> attribute : attributes) {
      try (ObjectInputStream in =
          new ObjectInputStream(
              new ByteArrayInputStream((byte[]) attribute.get("attribute_bytes")))) {
        assertThat(in.readObject())
            .as("%s reads back", attribute.get("attribute_name"))
            .isNotNull();
      }
    }
  }

  @Test
  void aSessionRemovedFromTheDatabaseIsLoggedOut() throws Exception {
    HttpBrowser browser = browser().logIn("tducha", TestHospital.PASSWORD);
    assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);

    jdbc.update("delete from spring_session where principal_name = 'tducha'");

    HttpResponse<String> after = browser.get("/tasks");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
  }

  /**
   * The cleanup is Spring Session's own cron task, scheduled each minute by the repository's
   * scheduler; running the repository's cleanup (rather than waiting up to a minute for it) deletes
   * an expired session and keeps a live one.
   */
  @Test
  void anExpiredSessionIsDeletedByTheCleanupScheduledEachMinute() {
    assertThat(ReflectionTestUtils.getField(sessions, "cleanupCron")).isEqualTo("0 * * * * *");
    ThreadPoolTaskScheduler scheduler =
        (ThreadPoolTaskScheduler) ReflectionTestUtils.getField(sessions, "taskScheduler");
    assertThat(scheduler).as("the repository schedules its cleanup").isNotNull();
    assertThat(scheduler.getScheduledThreadPoolExecutor().getQueue())
        .as("the cleanup is scheduled")
        .hasSize(1);

    // ids fill the char(36) columns, as Spring Session's do
    String expired = UUID.randomUUID().toString();
    String live = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    String insert =
        "insert into spring_session (primary_id, session_id, creation_time, last_access_time,"
            + " max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, 60, ?, 'nobody')";
    jdbc.update(insert, expired, expired, now - 120_000, now - 120_000, now - 60_000);
    jdbc.update(insert, live, live, now, now, now + 3_600_000);
    String both = "select primary_id from spring_session where primary_id in (?, ?)";
    assertThat(jdbc.queryForList(both, String.class, expired, live)).hasSize(2);

    sessions.cleanUpExpiredSessions();

    assertThat(jdbc.queryForList(both, String.class, expired, live)).containsExactly(live);
    jdbc.update("delete from spring_session where primary_id = ?", live);
  }
}
