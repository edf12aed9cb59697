package org.duban.notification;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.duban.infrastructure.EngineClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one {@link Notifier}: writes an inbox entry per recipient and the deliveries each recipient's
 * channels call for, all in the caller's transaction (an outbox). Nothing is sent here, so a slow
 * or broken mail server or robot never blocks or rolls back the caller; {@link Dispatcher} sends
 * after commit.
 */
@Service
class OutboxNotifier implements Notifier {

  private final OutboxStore store;
  private final Savepoints savepoints;
  private final Recipients recipients;
  private final DeliveryPlanner planner;

  OutboxNotifier(
      OutboxStore store, Savepoints savepoints, Recipients recipients, DeliveryPlanner planner) {
    this.store = store;
    this.savepoints = savepoints;
    this.recipients = recipients;
    this.planner = planner;
  }

  @Override
  @Transactional
  public void send(Message message) {
    check(message);
    Set<String> active = recipients.activeOnly(message.recipients());
    // a repeated event is a no-op before anything is written; the unique key below settles races
    List<String> fresh =
        active.stream().filter(r -> !store.inboxHas(r, message.eventKey())).toList();
    if (fresh.isEmpty()) {
      return;
    }
    LocalDateTime now = EngineClock.now();
    long messageId = store.insertMessage(message, now);
    List<String> told = new ArrayList<>();
    for (String recipient : fresh) {
      if (savepoints.once(
          () -> store.insertInboxEntry(messageId, recipient, message.eventKey(), now))) {
        told.add(recipient);
      }
    }
    if (told.isEmpty()) {
      store.deleteMessage(messageId);
      return;
    }
    planner.plan(messageId, message, told, now);
  }

  private static void check(Message message) {
    if (message.eventKey() == null
        || message.eventKey().isBlank()
        || message.eventKey().length() > 200) {
      throw new IllegalArgumentException("a message needs an event key of at most 200 characters");
    }
    if (message.kind() == null || message.title() == null || message.title().isBlank()) {
      throw new IllegalArgumentException(
          "a message needs a kind and a title: " + message.eventKey());
    }
    if (message.recipients() == null) {
      throw new IllegalArgumentException("a message needs recipients: " + message.eventKey());
    }
    if (message.link() != null && !Links.isLocalPath(message.link())) {
      throw new IllegalArgumentException("a message's link is a path in Duban: " + message.link());
    }
  }
}
