package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What {@link Notifier#send} records, in the caller's transaction, before anything is sent. */
class OutboxTest extends NotificationTestSupport {

  @BeforeEach
  void mailServerConfigured() {
    // an address nobody listens on: these tests look at the outbox only, nothing is dispatched
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(1);
  }

  @Test
  void everyRecipientGetsAnUnreadEntryAndTheSameEventTwiceIsRecordedOnce() {
    choose("tmedhead", "medhead@hospital.test", noQuietHours(), Channel.EMAIL);
    long headBefore = inbox.unread("tmedhead");
    long staffBefore = inbox.unread("tmedstaff");
    String key = eventKey();
    Message message = message(key, item(), MessageKind.URGE, "催办：门诊预约率", "tmedhead", "tmedstaff");

    sendCommitted(message);
    sendCommitted(message);

    assertThat(inbox.unread("tmedhead")).isEqualTo(headBefore + 1);
    assertThat(inbox.unread("tmedstaff")).isEqualTo(staffBefore + 1);
    assertThat(deliveries(key))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.channel()).isEqualTo(Channel.EMAIL);
              assertThat(d.address()).isEqualTo("medhead@hospital.test");
              assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
            });
  }

  @Test
  void aRecordedEventIsNotRecordedAgainEvenWhenTheCheckIsRaced() {
    String key = eventKey();
    sendCommitted(message(key, null, MessageKind.NOTICE, "督办通知", "tnursehead"));
    // a second writer that did not see the first (as two nodes at once): the unique key refuses it
    // and the caller's transaction goes on
    Boolean written =
        new TransactionTemplate(transactionManager)
            .execute(
                status -> {
                  long id =
                      store.insertMessage(
                          message(key, null, MessageKind.NOTICE, "督办通知", "tnursehead"), MORNING);
                  return applicationSavepoints()
                      .once(() -> store.insertInboxEntry(id, "tnursehead", key, MORNING));
                });
    assertThat(written).isFalse();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbox_entry where event_key = ?", Integer.class, key))
        .isEqualTo(1);
  }

  @Test
  void aRolledBackCallerTellsNobody() {
    choose("tithead", "it@hospital.test", noQuietHours(), Channel.EMAIL);
    String key = eventKey();
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              notifier.send(message(key, item(), MessageKind.URGE, "催办", "tithead"));
              status.setRollbackOnly();
            });
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbox_entry where event_key = ?", Integer.class, key))
        .isZero();
    assertThat(deliveries(key)).isEmpty();
  }

  @Test
  void noMoreThanOneMessagePerItemPerChannelPerDayButTheInboxKeepsEach() {
    choose("tnursehead", "nurse@hospital.test", noQuietHours(), Channel.EMAIL);
    long itemId = item();
    String first = eventKey();
    String second = eventKey();
    String nextDay = eventKey();
    long before = inbox.unread("tnursehead");

    sendCommitted(message(first, itemId, MessageKind.REMINDER, "提醒：月度进展", "tnursehead"));
    sendCommitted(message(second, itemId, MessageKind.URGE, "催办：月度进展", "tnursehead"));
    sendCommitted(message(eventKey(), item(), MessageKind.URGE, "催办：另一项工作", "tnursehead"));
    at(MORNING.plusDays(1));
    sendCommitted(message(nextDay, itemId, MessageKind.URGE, "再次催办：月度进展", "tnursehead"));

    assertThat(deliveries(first)).hasSize(1);
    assertThat(deliveries(second)).isEmpty();
    assertThat(deliveries(nextDay)).hasSize(1);
    assertThat(inbox.unread("tnursehead")).isEqualTo(before + 4);
  }

  @Test
  void quietHoursDeferOutsideChannelsButNotTheInbox() {
    choose("tmedhead", "medhead@hospital.test", QuietHours.DEFAULT, Channel.EMAIL);
    at(MORNING.withHour(23).withMinute(10));
    String key = eventKey();
    long before = inbox.unread("tmedhead");

    sendCommitted(message(key, item(), MessageKind.NOTICE, "督办通知", "tmedhead"));

    assertThat(inbox.unread("tmedhead")).isEqualTo(before + 1);
    assertThat(deliveries(key))
        .singleElement()
        .satisfies(d -> assertThat(d.nextAttemptAt()).isEqualTo(MORNING.plusDays(1).withHour(7)));
    dispatcher.dispatchDue();
    assertThat(deliveries(key)).singleElement().satisfies(d -> assertThat(d.attempts()).isZero());
  }

  @Test
  void peopleWhoChoseNoOutsideChannelOrHaveNoAddressGetTheInboxOnly() {
    choose("tmedstaff", null, noQuietHours());
    String key = eventKey();
    sendCommitted(
        message(key, item(), MessageKind.URGE, "催办", "tmedstaff", "tnursehead", "nobody-such"));
    assertThat(deliveries(key)).isEmpty();
    assertThat(
            jdbc.queryForList(
                "select recipient from inbox_entry where event_key = ? order by recipient",
                String.class,
                key))
        .containsExactly("tmedstaff", "tnursehead");
  }

  @Autowired Savepoints savepoints;

  private Savepoints applicationSavepoints() {
    return savepoints;
  }
}
