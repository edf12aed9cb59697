package org.duban.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;

/** One message in one person's inbox, unread until opened. */
@Entity
public class InboxEntry {

  @Id private Long id;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "message_id")
  private NotificationMessage message;

  private String recipient;
  private String eventKey;
  private LocalDateTime createdAt;
  private LocalDateTime readAt;

  protected InboxEntry() {}

  void read(LocalDateTime at) {
    if (readAt == null) {
      readAt = at;
    }
  }

  public boolean isUnread() {
    return readAt == null;
  }

  public Long getId() {
    return id;
  }

  public NotificationMessage getMessage() {
    return message;
  }

  public String getRecipient() {
    return recipient;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getReadAt() {
    return readAt;
  }
}
