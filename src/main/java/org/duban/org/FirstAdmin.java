package org.duban.org;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
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
 * A hospital starting without the demo has nobody to log in as: the first start creates an
 * {@code admin} with the configured password, or a random one printed once in the log.
 */
@Component
@Order(20)
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final PersonRepository people;
  private final PasswordEncoder encoder;
  private final EngineIdentitySync sync;
  private final String configuredPassword;

  FirstAdmin(
      PersonRepository people,
      PasswordEncoder encoder,
      EngineIdentitySync sync,
      @Value("${duban.admin.initial-password:}") String configuredPassword) {
    this.people = people;
    this.encoder = encoder;
    this.sync = sync;
    this.configuredPassword = configuredPassword;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (people.count() > 0) {
      return;
    }
    boolean generated = configuredPassword.isBlank();
    String password = generated ? randomPassword() : configuredPassword;
    Person admin =
        people.save(new Person("admin", "系统管理员", null, encoder.encode(password), null, EnumSet.of(Role.ADMIN)));
    sync.syncGroups();
    sync.syncPerson(admin);
    if (generated) {
      log.warn("Created the first administrator 'admin' with password '{}': change it after logging in", password);
    } else {
      log.info("Created the first administrator 'admin' with the configured password");
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
