package org.duban.notification;

import java.util.Set;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;

/**
 * One thing to tell people about an item. {@code eventKey} names the event (e.g. {@code notice-42},
 * {@code reminder-<taskId>-2026-12-03}): a message with a key already sent to a recipient is not
 * sent again, so jobs that run twice tell nobody twice. Title and body are Chinese text for people;
 * a message made by {@link #worded} also keeps them as message keys ({@code titleText}, {@code
 * bodyText}, null otherwise), so that the inbox shows them in the reader's language and e-mail and
 * robots in the recipient's. The link is a path in Duban (e.g. {@code /tasks/abc}) that channels
 * turn into a full address.
 */
public record Message(
    String eventKey,
    Set<String> recipients,
    Long workItemId,
    MessageKind kind,
    String title,
    String body,
    String link,
    MessageText titleText,
    MessageText bodyText) {

  /** A message in Chinese words only. */
  public Message(
      String eventKey,
      Set<String> recipients,
      Long workItemId,
      MessageKind kind,
      String title,
      String body,
      String link) {
    this(eventKey, recipients, workItemId, kind, title, body, link, null, null);
  }

  /**
   * A message worded from the bundles; its Chinese wording is kept too (the title column, old
   * readers).
   */
  public static Message worded(
      String eventKey,
      Set<String> recipients,
      Long workItemId,
      MessageKind kind,
      MessageText title,
      MessageText body,
      String link) {
    return new Message(
        eventKey,
        recipients,
        workItemId,
        kind,
        title.in(MessageTexts.DEFAULT),
        body == null ? null : body.in(MessageTexts.DEFAULT),
        link,
        title,
        body);
  }
}
