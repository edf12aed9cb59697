package org.duban.itemhistory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** One thing that happened to a work item or task book: who, what, when. Never updated. */
@Entity
public class ItemEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long workItemId;
  private Long taskBookId;
  private LocalDateTime occurredAt;
  private String actor;
  private String kind;
  private String detail;

  protected ItemEvent() {}

  ItemEvent(
      Long workItemId,
      Long taskBookId,
      LocalDateTime occurredAt,
      String actor,
      String kind,
      String detail) {
    this.workItemId = workItemId;
    this.taskBookId = taskBookId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.kind = kind;
    this.detail = detail;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public Long getTaskBookId() {
    return taskBookId;
  }

  public LocalDateTime getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getKind() {
    return kind;
  }

  public String getDetail() {
    return detail;
  }

  /** Message key of the kind, for the history page. */
  public String messageKey() {
    return "event." + kind;
  }
}
