package org.duban.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/** What counts as "the database is away", and who gets JSON in which language. */
class DatabaseFailuresTest {

  /** Hikari's timeout as it reads when the server refuses connections: the refusal is its cause. */
  private static SQLException hikariTimeoutAfterRefusal() {
    SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
    SQLTransientConnectionException timeout =
        new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available", "08001", refused);
    timeout.setNextException(refused);
    return timeout;
  }

  @Test
  void aRefusedConnectionIsAnOutageHoweverItIsWrapped() {
    SQLException timeout = hikariTimeoutAfterRefusal();
    assertThat(DatabaseFailures.isUnavailable(timeout)).isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new CannotCreateTransactionException(
                    "Could not open JPA EntityManager",
                    new JDBCConnectionException("Unable to acquire JDBC Connection", timeout))))
        .isTrue();
    // the engine's MyBatis wrapping, and PostgreSQL shutting down under an open connection
    assertThat(
            DatabaseFailures.isUnavailable(
                new RuntimeException(
                    "ENGINE-03083",
                    new RuntimeException(
                        "Error querying database",
                        new SQLException(
                            "terminating connection due to administrator command", "57P01")))))
        .isTrue();
  }

  @Test
  void aBusyPoolOrAnOrdinarySqlErrorIsNoOutage() {
    // Hikari's timeout without a connection failure: every connection is in use, the database
    // answers
    SQLTransientConnectionException busy =
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
    assertThat(
            DatabaseFailures.isUnavailable(
                new DataAccessResourceFailureException(
                    "Unable to acquire JDBC Connection",
                    new JDBCConnectionException("Unable to acquire JDBC Connection", busy))))
        .isFalse();
    assertThat(
            DatabaseFailures.isUnavailable(
                new DataIntegrityViolationException(
                    "duplicate",
                    new SQLException("duplicate key value violates unique constraint", "23505"))))
        .isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("no"))).isFalse();
  }

  @Test
  void chineseUnlessTheBrowserOrTheCookiePrefersEnglish() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tasks");
    assertThat(DatabaseUnavailableFilter.locale(request)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    request.addHeader("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
    assertThat(DatabaseUnavailableFilter.locale(request)).isEqualTo(Locale.SIMPLIFIED_CHINESE);

    MockHttpServletRequest english = new MockHttpServletRequest("GET", "/tasks");
    english.addHeader("Accept-Language", "en-US,en;q=0.9");
    assertThat(DatabaseUnavailableFilter.locale(english)).isEqualTo(Locale.ENGLISH);
    english.setCookies(new jakarta.servlet.http.Cookie("duban-lang", "zh_CN"));
    assertThat(DatabaseUnavailableFilter.locale(english))
        .as("the person's choice in Duban wins")
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  @Test
  void restPathsAndJsonPreferringClientsGetJsonBrowsersAPage() {
    assertThat(
            DatabaseUnavailableFilter.wantsJson(
                new MockHttpServletRequest("GET", "/engine-rest/task")))
        .isTrue();
    assertThat(
            DatabaseUnavailableFilter.wantsJson(
                new MockHttpServletRequest("GET", "/actuator/health")))
        .isTrue();
    MockHttpServletRequest browser = new MockHttpServletRequest("GET", "/tasks");
    browser.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertThat(DatabaseUnavailableFilter.wantsJson(browser)).isFalse();
    MockHttpServletRequest fetch = new MockHttpServletRequest("GET", "/board/data");
    fetch.addHeader("Accept", "application/json");
    assertThat(DatabaseUnavailableFilter.wantsJson(fetch)).isTrue();
    assertThat(DatabaseUnavailableFilter.wantsJson(new MockHttpServletRequest("GET", "/tasks")))
        .isFalse();
  }
}
