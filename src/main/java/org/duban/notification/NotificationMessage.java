package org.duban.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDateTime;
import org.duban.infrastructure.MessageTexts;

/** A message as sent, read by the inbox (written by {@link OutboxStore}). */
@Entity
public class NotificationMessage {

  @Id private Long id;

  private String eventKey;

  @Enumerated(EnumType.STRING)
  private MessageKind kind;

  private Long workItemId;
  private String title;
  private String body;
  private String link;
  private LocalDateTime createdAt;

  /** Title and body as message keys and arguments (V32); null: show the stored Chinese words. */
  private String titleKey;

  private String titleArgs;
  private String bodyKey;
  private String bodyArgs;

  protected NotificationMessage() {}

  public Long getId() {
    return id;
  }

  public String getEventKey() {
    return eventKey;
  }

  public MessageKind getKind() {
    return kind;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  /** The title in the reader's language. */
  public String getTitle() {
    return MessageTexts.stored(titleKey, titleArgs, title);
  }

  /** The body in the reader's language. */
  public String getBody() {
    return MessageTexts.stored(bodyKey, bodyArgs, body);
  }

  public String getLink() {
    return link;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
