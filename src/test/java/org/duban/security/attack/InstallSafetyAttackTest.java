package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.infrastructure.EngineClock;
import org.duban.security.LoginLockouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Issue 14, installed and attacked: without the demo (the test profile, as the packaged jar now
 * starts) its clock and robot receiver are not there; moving the engine clock lifts no lock-out;
 * the old password on 修改密码 is a password check that counts toward the lock-out; and a stored value
 * that is no BCrypt hash logs nobody in. Each case: refused, and the database unchanged.
 */
@Attack(AttackCategory.INSTALL)
class InstallSafetyAttackTest extends AttackTestSupport {

  /** Used by these cases only, so that their lock-outs disturb no other test. */
  private static final String LOCKED = "tithead";

  private static final String CHANGER = "tnursehead";

  @Autowired LoginLockouts lockouts;

  @AfterEach
  void unlockAndResetTheClock() {
    TestClock.reset();
    lockouts.unlock(LOCKED);
    lockouts.unlock(CHANGER);
  }

  @Test
  void theDemoClockIsNotThereWithoutTheDemo() throws Exception {
    DatabaseState before = databaseState();
    LocalDateTime engineTimeBefore = EngineClock.now();
    for (String who : new String[] {"tadmin", "tducha", "tmedstaff"}) {
      mvc.perform(get("/demo/clock").with(as(who))).andExpect(status().isNotFound());
      mvc.perform(post("/demo/clock/days").param("days", "30").with(as(who)).with(csrf()))
          .andExpect(status().isNotFound());
      mvc.perform(post("/demo/clock/to").param("to", "2099-01-01T08:00").with(as(who)).with(csrf()))
          .andExpect(status().isNotFound());
    }
    assertThat(Duration.between(engineTimeBefore, EngineClock.now()).toMinutes()).isLessThan(1);
    assertNothingChangedSince(before);
  }

  @Test
  void theDemoRobotReceiverAnswersNothingWithoutTheDemo() throws Exception {
    DatabaseState before = databaseState();
    String large =
        "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + "x".repeat(64 * 1024) + "\"}}";
    for (String platform : new String[] {"wecom", "dingtalk"}) {
      mvc.perform(
              post("/demo/webhooks/" + platform)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{}"))
          .andExpect(status().isNotFound());
      mvc.perform(
              post("/demo/webhooks/" + platform)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(large))
          .andExpect(status().isNotFound());
    }
    assertNothingChangedSince(before);
  }

  @Test
  void movingTheEngineClockLiftsNoLockOut() throws Exception {
    // Given a name locked by five failed log-ins
    for (int i = 1; i <= 5; i++) {
      lockouts.recordFailure(LOCKED);
    }
    assertThat(lockouts.isLocked(LOCKED)).isTrue();

    // When the engine clock (the demo clock moves it) runs a month ahead
    TestClock.at(LocalDateTime.now().plusDays(30));

    // Then the name is still locked, and the right password is refused with nothing changed
    assertThat(lockouts.isLocked(LOCKED)).isTrue();
    DatabaseState before = databaseState();
    mvc.perform(formLogin("/login").user(LOCKED).password(TestHospital.PASSWORD))
        .andExpect(redirectedUrl("/login?locked=15"));
    assertNothingChangedSince(before);
  }

  @Test
  void aWrongOldPasswordOnTheChangePageCountsTowardTheLockOut() throws Exception {
    String hashBefore = passwordHash(CHANGER);
    DatabaseState before = databaseState();

    // When somebody with the person's session guesses the old password five times
    for (int i = 1; i <= 4; i++) {
      assertThat(changeOwnPassword("guess-" + i + "x")).contains("原密码不正确").doesNotContain("账户已锁定");
    }
    assertThat(changeOwnPassword("guess-5x")).contains("原密码不正确", "账户已锁定，请 15 分钟后再试");

    // Then the name is locked: the right old password changes nothing now, and log-in is refused
    assertThat(lockouts.isLocked(CHANGER)).isTrue();
    assertThat(changeOwnPassword(TestHospital.PASSWORD)).contains("账户已锁定");
    mvc.perform(formLogin("/login").user(CHANGER).password(TestHospital.PASSWORD))
        .andExpect(redirectedUrl("/login?locked=15"));
    assertThat(passwordHash(CHANGER)).isEqualTo(hashBefore);
    assertNothingChangedSince(before);
  }

  @Test
  void aStoredValueThatIsNoBcryptHashLogsNobodyIn() throws Exception {
    // Given a password written around Duban as plain text (Spring's {noop} form)
    String hashBefore = passwordHash("tmedstaff");
    jdbc.update(
        "update person set password_hash = ? where username = ?", "{noop}Plain2026pw", "tmedstaff");
    try {
      DatabaseState before = databaseState();
      // When it is tried, Then it is refused
      mvc.perform(formLogin("/login").user("tmedstaff").password("Plain2026pw"))
          .andExpect(redirectedUrl("/login?error"));
      assertNothingChangedSince(before);
    } finally {
      jdbc.update(
          "update person set password_hash = ? where username = ?", hashBefore, "tmedstaff");
      lockouts.unlock("tmedstaff");
    }
  }

  private String changeOwnPassword(String oldPassword) throws Exception {
    return page(
        post("/me/password")
            .with(as(CHANGER))
            .with(csrf())
            .param("oldPassword", oldPassword)
            .param("newPassword", "Changed2026x")
            .param("repeatPassword", "Changed2026x"));
  }

  private String passwordHash(String username) {
    return jdbc.queryForObject(
        "select password_hash from person where username = ?", String.class, username);
  }
}
