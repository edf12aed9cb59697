package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.duban.RunningAppTest;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database seeded by the demo before demo accounts were marked (V21): started with the demo off,
 * a person with a demo user name whose password is still the demo's is taken for a demo account and
 * closed; one with a demo user name and a password of their own is left alone.
 */
@RunningAppTest
class DemoAccountsTest {

  @Autowired DemoAccounts accounts;
  @Autowired PersonRepository people;
  @Autowired PasswordEncoder encoder;
  @Autowired PlatformTransactionManager transactionManager;

  @AfterEach
  void removeThem() {
    people.findByUsernameIn(java.util.List.of("yiwu", "keyan")).forEach(people::delete);
  }

  @Test
  void aDemoUserOfAnOlderDatabaseWithTheDemoPasswordIsClosedAndAnotherIsLeftAlone() {
    people.save(
        new Person(
            "yiwu", "赵刚", null, encoder.encode("duban123"), null, EnumSet.of(Role.DEPT_HEAD)));
    String own = encoder.encode("Own2026pass");
    people.save(new Person("keyan", "吴磊", null, own, null, EnumSet.of(Role.DEPT_HEAD)));

    new TransactionTemplate(transactionManager).executeWithoutResult(s -> accounts.close());

    Person yiwu = people.findByUsername("yiwu").orElseThrow();
    assertThat(yiwu.isDemoAccount()).isTrue();
    assertThat(yiwu.getPasswordHash()).isEqualTo(DemoAccounts.CLOSED);
    assertThat(encoder.matches("duban123", yiwu.getPasswordHash())).isFalse();
    Person keyan = people.findByUsername("keyan").orElseThrow();
    assertThat(keyan.isDemoAccount()).isFalse();
    assertThat(keyan.getPasswordHash()).isEqualTo(own);
  }
}
