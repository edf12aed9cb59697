package org.duban.itemhistory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;

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

  /**
   * The detail in Chinese, as written; for rows with a key (V32) the wording of the key at the
   * time.
   */
  private String detail;

  /**
   * The detail as a message key and arguments, worded for the reader; null for people's own words
   * and older rows.
   */
  private String detailKey;

  private String detailArgs;

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

  ItemEvent(
      Long workItemId,
      Long taskBookId,
      LocalDateTime occurredAt,
      String actor,
      String kind,
      String detail,
      MessageText detailText) {
    this(workItemId, taskBookId, occurredAt, actor, kind, detail);
    this.detailKey = detailText.key();
    this.detailArgs = detailText.argsJson();
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

  /** The detail in the reader's language (see {@link MessageTexts#readerLocale()}). */
  public String getDetail() {
    return MessageTexts.stored(detailKey, detailArgs, detail);
  }

  /**
   * The detail as written, in Chinese: what code that reads details (the timeline's links to
   * records) matches on.
   */
  public String getStoredDetail() {
    return detail;
  }

  /** Message key of the kind, for the history page. */
  public String messageKey() {
    return "event." + kind;
  }
}
