package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.duban.HttpBrowser;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.security.LoginLockouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessing passwords over real HTTP: five failures under one name lock it for the log-in page and
 * HTTP Basic alike, whether the guesses came through the page or through the REST API, and whether
 * the name belongs to anybody or not.
 */
@RunningAppTest
@Attack(AttackCategory.LOCK_OUT)
class LockOutHttpAttackTest {

  private static final String[] NAMES = {"treviewer", "tincharge", "tleader"};

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired LoginLockouts lockouts;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  @AfterEach
  void unlock() {
    for (String name : NAMES) {
      lockouts.unlock(name);
    }
  }

  private int basicStatus(String username, String password) throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port);
    return browser
        .send(
            HttpBrowser.basicJson(browser.request("/engine-rest/task/count"), username, password)
                .GET())
        .statusCode();
  }

  @Test
  void fiveWrongPasswordsOnThePageLockTheNameAgainstTheRightOne() throws Exception {
    // positive control: before the guesses the right password lets the owner in
    HttpBrowser before = HttpBrowser.onPort(port);
    assertThat(before.tryLogIn("treviewer", TestHospital.PASSWORD)).doesNotContain("/login");
    assertThat(before.get("/tasks").statusCode()).isEqualTo(200);
    for (int i = 1; i <= 4; i++) {
      assertThat(HttpBrowser.onPort(port).tryLogIn("treviewer", "guess-" + i))
          .endsWith("/login?error");
    }
    assertThat(HttpBrowser.onPort(port).tryLogIn("treviewer", "guess-5"))
        .endsWith("/login?locked=15");

    HttpBrowser owner = HttpBrowser.onPort(port);
    assertThat(owner.tryLogIn("treviewer", TestHospital.PASSWORD)).contains("/login?locked=");
    assertThat(owner.get("/tasks").statusCode()).isEqualTo(302);
  }

  @Test
  void aNameOfNobodyIsLockedAfterFiveGuessesWithTheSameAnswers() throws Exception {
    String nobody = "nobody-" + System.nanoTime();
    try {
      for (int i = 1; i <= 4; i++) {
        assertThat(HttpBrowser.onPort(port).tryLogIn(nobody, "guess-" + i))
            .endsWith("/login?error");
      }
      assertThat(HttpBrowser.onPort(port).tryLogIn(nobody, "guess-5")).endsWith("/login?locked=15");
      assertThat(lockouts.isLocked(nobody)).isTrue();
    } finally {
      lockouts.unlock(nobody);
    }
  }

  @Test
  void fiveWrongPasswordsOverHttpBasicLockTheNameForThePageToo() throws Exception {
    assertThat(basicStatus("tincharge", TestHospital.PASSWORD))
        .as("the right password before the guesses")
        .isEqualTo(200);
    for (int i = 1; i <= 5; i++) {
      assertThat(basicStatus("tincharge", "guess-" + i)).as("guess %s", i).isEqualTo(401);
    }
    assertThat(lockouts.isLocked("tincharge")).isTrue();
    assertThat(HttpBrowser.onPort(port).tryLogIn("tincharge", TestHospital.PASSWORD))
        .contains("/login?locked=");
  }

  @Test
  void aLockedNameIsRefusedOverHttpBasicWithTheRightPassword() throws Exception {
    HttpResponse<String> unlocked =
        HttpBrowser.onPort(port)
            .send(
                HttpBrowser.basicJson(
                        HttpBrowser.onPort(port).request("/engine-rest/task"),
                        "tleader",
                        TestHospital.PASSWORD)
                    .GET());
    assertThat(unlocked.statusCode()).as("the right password before the guesses").isEqualTo(200);
    for (int i = 1; i <= 5; i++) {
      HttpBrowser.onPort(port).tryLogIn("tleader", "guess-" + i);
    }
    assertThat(lockouts.isLocked("tleader")).isTrue();
    HttpResponse<String> response =
        HttpBrowser.onPort(port)
            .send(
                HttpBrowser.basicJson(
                        HttpBrowser.onPort(port).request("/engine-rest/task"),
                        "tleader",
                        TestHospital.PASSWORD)
                    .GET());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("\"id\"");
  }

  @Test
  void aHugeUserNameIsJustAWrongLogIn() throws Exception {
    long lockRows = jdbc.queryForObject("select count(*) from login_lockout", Long.class);
    String huge = "x".repeat(5000);
    assertThat(HttpBrowser.onPort(port).tryLogIn(huge, "guess")).endsWith("/login?error");
    assertThat(basicStatus(huge, "guess")).isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from login_lockout", Long.class))
        .isEqualTo(lockRows);
  }
}
