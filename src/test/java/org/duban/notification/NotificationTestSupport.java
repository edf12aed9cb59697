package org.duban.notification;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service tests of notifications: the shared {@code test} context, the test hospital, the
 * engine clock pinned to a working morning, and a clean slate of robots, preferences and mail
 * server after each test (the context is shared with other features' tests).
 */
@RunningAppTest
abstract class NotificationTestSupport {

  static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 2, 10, 0);

  @Autowired TestHospital hospital;
  @Autowired Notifier notifier;
  @Autowired Dispatcher dispatcher;
  @Autowired OutboxStore store;
  @Autowired Inbox inbox;
  @Autowired Preferences preferences;
  @Autowired RobotRepository robots;
  @Autowired NotificationPreferenceRepository preferenceRows;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void pinClockAndHospital() {
    hospital.ensure();
    at(MORNING);
  }

  @AfterEach
  void cleanUp() {
    TestClock.reset();
    robots.deleteAll();
    preferenceRows.deleteAll();
    mailSender.setHost(null);
    // what these tests left due must not be sent by later tests of the shared context
    jdbc.update("update notification_delivery set status = 'FAILED' where status = 'PENDING'");
  }

  static void at(LocalDateTime time) {
    TestClock.at(time);
  }

  static String eventKey() {
    return "test-" + UUID.randomUUID();
  }

  /** An item id no other test uses, for the per-item daily limit. */
  static long item() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
  }

  static Message message(
      String eventKey, Long itemId, MessageKind kind, String title, String... recipients) {
    return new Message(
        eventKey,
        new LinkedHashSet<>(Arrays.asList(recipients)),
        itemId,
        kind,
        title,
        "请于本周五前提交整改方案。",
        "/items/" + (itemId == null ? 1 : itemId));
  }

  /** Sends as a caller does: inside its own transaction, committed. */
  void sendCommitted(Message message) {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(status -> notifier.send(message));
  }

  List<Delivery> deliveries(String eventKey) {
    return store.forEvent(eventKey);
  }

  /** Chooses these channels for a person, with an address and no quiet hours unless given. */
  void choose(String username, String email, QuietHours quiet, Channel... channels) {
    preferences.choose(username, java.util.Set.of(channels), email, quiet);
  }

  static QuietHours noQuietHours() {
    return new QuietHours(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT);
  }
}
