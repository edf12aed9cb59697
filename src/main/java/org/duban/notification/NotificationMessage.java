package org.duban.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

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

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public String getLink() {
    return link;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
