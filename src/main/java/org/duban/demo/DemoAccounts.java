package org.duban.demo;

import java.util.ArrayList;
import java.util.List;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.security.PersonSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo hospital's accounts share a published password, so they may log in only while the demo
 * is on. At every start with the demo off they are closed: their password hash is replaced by
 * {@link #CLOSED}, which no password matches (Duban's encoder takes BCrypt hashes only), and their
 * sessions end on every node. With the demo on again, closed demo accounts get the demo password
 * back. Demo accounts are those the demo seeded ({@code person.demo_account}, V21); in a database
 * seeded before V21, a person with a demo user name whose password is still the demo password is
 * taken for one.
 *
 * <p>Runs after the demo is seeded (DemoStartup) and before the first administrator (FirstAdmin),
 * who takes over the demo's {@code admin} when no other admin is left.
 */
@Component
@Order(12)
class DemoAccounts implements ApplicationRunner {

  /** The hash of a closed demo account: not a BCrypt hash, so no password matches it. */
  static final String CLOSED = "{closed}demo-account";

  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

  private final PersonRepository people;
  private final PasswordEncoder encoder;
  private final PersonSessions sessions;
  private final TransactionTemplate transactions;
  private final boolean enabled;
  private final String password;

  DemoAccounts(
      PersonRepository people,
      PasswordEncoder encoder,
      PersonSessions sessions,
      PlatformTransactionManager transactionManager,
      @Value("${duban.demo.enabled}") boolean enabled,
      @Value("${duban.demo.password}") String password) {
    this.people = people;
    this.encoder = encoder;
    this.sessions = sessions;
    this.transactions = new TransactionTemplate(transactionManager);
    this.enabled = enabled;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (enabled) {
      transactions.executeWithoutResult(status -> reopen());
      return;
    }
    List<String> demoAccounts = transactions.execute(status -> close());
    // after the commit: a session found meanwhile would only find a closed account
    demoAccounts.forEach(sessions::endAll);
  }

  /** Closes every demo account; returns the names of all demo accounts. */
  List<String> close() {
    markSeededBeforeTheFlag();
    List<String> names = new ArrayList<>();
    List<String> closedNow = new ArrayList<>();
    for (Person person : people.findByDemoAccountTrue()) {
      names.add(person.getUsername());
      if (!CLOSED.equals(person.getPasswordHash())) {
        person.changePasswordHash(CLOSED);
        closedNow.add(person.getUsername());
      }
    }
    if (!closedNow.isEmpty()) {
      log.warn(
          "The demo is off: the demo accounts {} can no longer log in (their password was the demo's)",
          closedNow);
    }
    return names;
  }

  /** Demo users seeded before V21 carry no flag: their unchanged demo password gives them away. */
  private void markSeededBeforeTheFlag() {
    List<String> demoNames =
        DemoHospital.USERS.stream().map(DemoHospital.DemoUser::username).toList();
    for (Person person : people.findByUsernameIn(demoNames)) {
      String hash = person.getPasswordHash();
      if (!person.isDemoAccount()
          && hash != null
          && hash.startsWith("{bcrypt}")
          && encoder.matches(password, hash)) {
        person.markDemoAccount();
      }
    }
  }

  /** The demo is on: closed demo accounts log in with the demo password again. */
  void reopen() {
    List<String> reopened = new ArrayList<>();
    for (Person person : people.findByDemoAccountTrue()) {
      if (CLOSED.equals(person.getPasswordHash())) {
        person.changePasswordHash(encoder.encode(password));
        reopened.add(person.getUsername());
      }
    }
    if (!reopened.isEmpty()) {
      log.info(
          "The demo is on: the demo accounts {} log in with the demo password again", reopened);
    }
  }
}
