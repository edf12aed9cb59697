package org.duban.org;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hospital starting without the demo has nobody to log in as: the first start creates an {@code
 * admin} with the configured password, or a random one printed once in the log. The same when the
 * demo was turned off and its accounts closed (DemoAccounts) with no other active admin left: the
 * demo's {@code admin} becomes a real account with such a password, so the hospital is not locked
 * out of its own data.
 */
@Component
@Order(20)
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final PersonRepository people;
  private final PasswordEncoder encoder;
  private final EngineIdentitySync sync;
  private final String configuredPassword;
  private final boolean demo;

  FirstAdmin(
      PersonRepository people,
      PasswordEncoder encoder,
      EngineIdentitySync sync,
      @Value("${duban.admin.initial-password:}") String configuredPassword,
      @Value("${duban.demo.enabled:false}") boolean demo) {
    this.people = people;
    this.encoder = encoder;
    this.sync = sync;
    this.configuredPassword = configuredPassword;
    this.demo = demo;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (people.count() == 0) {
      create();
    } else if (!demo && people.countActiveRealByRole(Role.ADMIN) == 0) {
      takeOverTheDemoAdmin();
    }
  }

  private void create() {
    boolean generated = configuredPassword.isBlank();
    String password = generated ? randomPassword() : configuredPassword;
    Person admin =
        people.save(
            new Person(
                "admin",
                MessageText.of("people.firstAdmin.name").in(MessageTexts.DEFAULT),
                null,
                encoder.encode(password),
                null,
                EnumSet.of(Role.ADMIN)));
    sync.syncGroups();
    sync.syncPerson(admin);
    if (generated) {
      log.warn(
          "Created the first administrator 'admin' with password '{}': change it after logging in",
          password);
    } else {
      log.info("Created the first administrator 'admin' with the configured password");
    }
  }

  private void takeOverTheDemoAdmin() {
    Person admin = people.findByUsername("admin").filter(Person::isDemoAccount).orElse(null);
    if (admin == null) {
      log.warn(
          "No active administrator can log in: the demo's accounts are closed and 'admin' is no demo account");
      return;
    }
    boolean generated = configuredPassword.isBlank();
    String password = generated ? randomPassword() : configuredPassword;
    admin.changePasswordHash(encoder.encode(password));
    admin.leaveDemo();
    admin.grant(Role.ADMIN);
    admin.reactivate();
    sync.syncPerson(admin);
    if (generated) {
      log.warn(
          "The demo is off and its accounts are closed: the administrator 'admin' now has the password '{}';"
              + " change it after logging in",
          password);
    } else {
      log.info(
          "The demo is off and its accounts are closed: the administrator 'admin' now has the configured password");
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
