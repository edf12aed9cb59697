package org.duban.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.org.db.V20__ClearEnginePasswords;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passwords live only as Duban's BCrypt hashes: the engine's user table (ACT_ID_USER) gets none
 * (Cockpit signs on through Duban), and migration V20 clears those written before.
 */
@RunningAppTest
class EnginePasswordsTest {

  @Autowired TestHospital hospital;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired EngineIdentitySync sync;

  @Test
  void theEngineKnowsNobodysPassword() {
    hospital.ensure();
    for (String username : new String[] {"tadmin", "tleader", "tducha", "tmedhead", "tmedstaff"}) {
      assertThat(identityService.checkPassword(username, TestHospital.PASSWORD))
          .as(username)
          .isFalse();
    }
    // the people Duban made have a hash in the engine's table, of a secret nobody was given
    assertThat(
            jdbc.queryForObject("select count(*) from ACT_ID_USER where PWD_ is null", Long.class))
        .isZero();
  }

  @Test
  void theMigrationClearsPasswordsTheEngineHeld() throws Exception {
    hospital.ensure();
    // Given a password written into the engine's table as Duban did before
    User user = identityService.createUserQuery().userId("tengineonly").singleResult();
    if (user == null) {
      user = identityService.newUser("tengineonly");
    }
    user.setPassword("engine-secret1");
    identityService.saveUser(user);
    assertThat(identityService.checkPassword("tengineonly", "engine-secret1")).isTrue();

    // When V20 runs
    try (Connection connection = jdbc.getDataSource().getConnection()) {
      new V20__ClearEnginePasswords().migrate(context(connection));
    }

    // Then no engine user has a password left
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_ID_USER where PWD_ is not null or SALT_ is not null",
                Long.class))
        .isZero();

    // and after the start's step each has the hash of a secret nobody has
    sync.closeEnginePasswords();
    assertThat(identityService.checkPassword("tengineonly", "engine-secret1")).isFalse();
    assertThat(identityService.checkPassword("tadmin", TestHospital.PASSWORD)).isFalse();
    assertThat(
            jdbc.queryForObject("select count(*) from ACT_ID_USER where PWD_ is null", Long.class))
        .isZero();
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
