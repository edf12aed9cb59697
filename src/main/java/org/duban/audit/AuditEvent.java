package org.duban.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** One decision or change as the audit log keeps it. Written once, never updated or deleted. */
@Entity
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private LocalDateTime occurredAt;
  private String actor;
  private String actorName;
  private String address;
  private String action;
  private String subjectType;
  private String subjectId;

  @Column(name = "before_value")
  private String before;

  @Column(name = "after_value")
  private String after;

  protected AuditEvent() {}

  AuditEvent(
      LocalDateTime occurredAt,
      AuditActor actor,
      String action,
      String subjectType,
      String subjectId,
      String before,
      String after) {
    this.occurredAt = occurredAt;
    this.actor = actor.username();
    this.actorName = actor.fullName();
    this.address = actor.address();
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.before = before;
    this.after = after;
  }

  public Long getId() {
    return id;
  }

  public LocalDateTime getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getActorName() {
    return actorName;
  }

  public String getAddress() {
    return address;
  }

  public String getAction() {
    return action;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public String getSubjectId() {
    return subjectId;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }
}
