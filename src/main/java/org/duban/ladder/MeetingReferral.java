package org.duban.ladder;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;

/**
 * An item referred to the hospital meeting (院长办公会 / 党委会) at the top of the escalation ladder, and
 * what the meeting decided. Pending referrals make up the meeting's agenda.
 */
@Entity
public class MeetingReferral {

  public enum MeetingKind {
    /** 院长办公会. */
    PRESIDENT_OFFICE,
    /** 党委会. */
    PARTY_COMMITTEE
  }

  public enum Decision {
    /** Rectification goes on with a new deadline. */
    CONTINUE,
    /** The meeting ends the supervision of the item. */
    CLOSE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long escalationId;
  private Long workItemId;
  private String reason;

  /** The reason as a message key and arguments (V32); null: show the stored words. */
  private String reasonKey;

  private String reasonArgs;
  private LocalDateTime referredAt;

  @Enumerated(EnumType.STRING)
  private MeetingKind meetingKind;

  private LocalDate meetingDate;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  private String instruction;
  private LocalDate newDeadline;
  private String decidedBy;
  private LocalDateTime decidedAt;

  protected MeetingReferral() {}

  MeetingReferral(Long escalationId, Long workItemId, String reason, LocalDateTime referredAt) {
    this.escalationId = escalationId;
    this.workItemId = workItemId;
    this.reason = reason;
    this.referredAt = referredAt;
  }

  void decided(
      MeetingKind kind,
      LocalDate meetingDate,
      Decision decision,
      String instruction,
      LocalDate newDeadline,
      String by,
      LocalDateTime at) {
    this.meetingKind = kind;
    this.meetingDate = meetingDate;
    this.decision = decision;
    this.instruction = instruction;
    this.newDeadline = newDeadline;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  public boolean isPending() {
    return decidedAt == null;
  }

  public Long getId() {
    return id;
  }

  public Long getEscalationId() {
    return escalationId;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  /** The reason in the reader's language. */
  public String getReason() {
    return MessageTexts.stored(reasonKey, reasonArgs, reason);
  }

  /** Keeps the reason as a key too, so that each reader gets it in their language. */
  void reasonWorded(MessageText text) {
    this.reasonKey = text.key();
    this.reasonArgs = text.argsJson();
  }

  public LocalDateTime getReferredAt() {
    return referredAt;
  }

  public MeetingKind getMeetingKind() {
    return meetingKind;
  }

  public LocalDate getMeetingDate() {
    return meetingDate;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getInstruction() {
    return instruction;
  }

  public LocalDate getNewDeadline() {
    return newDeadline;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public LocalDateTime getDecidedAt() {
    return decidedAt;
  }
}
