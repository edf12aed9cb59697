package org.duban.org;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After migration V20 cleared the engine users' passwords, gives each the hash of a secret nobody
 * has (see {@link EngineIdentitySync#closeEnginePasswords()}); later starts find nothing to do.
 */
@Component
@Order(21)
class EnginePasswordsAtStart implements ApplicationRunner {

  private final EngineIdentitySync sync;

  EnginePasswordsAtStart(EngineIdentitySync sync) {
    this.sync = sync;
  }

  @Override
  public void run(ApplicationArguments args) {
    sync.closeEnginePasswords();
  }
}
