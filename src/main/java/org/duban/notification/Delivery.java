package org.duban.notification;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.duban.infrastructure.MessageText;

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
    String link,
    /** The title as a message key, null when the message was written in Chinese words only. */
    MessageText titleText,
    MessageText bodyText) {

  /**
   * The title for a recipient reading {@code locale}; the Chinese words as sent for pages that list
   * deliveries.
   */
  public String titleIn(Locale locale) {
    return titleText == null ? title : titleText.in(locale);
  }

  public String bodyIn(Locale locale) {
    return bodyText == null ? body : bodyText.in(locale);
  }

  public enum Status {
    /** Waiting for its time (quiet hours, back-off) or for the dispatcher. */
    PENDING,
    SENT,
    /** Given up after the last try; admins see it. */
    FAILED
  }
}
