package org.duban.notification;

import java.time.LocalDateTime;
import java.util.List;

/** One send over one channel as the outbox holds it, with the message it carries. */
public record Delivery(
    long id,
    long messageId,
    String eventKey,
    Channel channel,
    String recipientKey,
    String address,
    List<String> mentions,
    Status status,
    int attempts,
    LocalDateTime nextAttemptAt,
    String lastError,
    LocalDateTime sentAt,
    /** The node that sent it (pid@host/suffix, see Dispatcher), null until sent. */
    String sentBy,
    LocalDateTime createdAt,
    MessageKind kind,
    Long workItemId,
    String title,
    String body,
    String link) {

  public enum Status {
    /** Waiting for its time (quiet hours, back-off) or for the dispatcher. */
    PENDING,
    SENT,
    /** Given up after the last try; admins see it. */
    FAILED
  }
}
