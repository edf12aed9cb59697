package org.duban.rectification;

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

/** 整改: the department's plan against a notice, its review, evidence and sign-off (销号). */
@Entity
public class Rectification {

  public enum Status {
    AWAITING_PLAN,
    PLAN_SUBMITTED,
    PLAN_SENT_BACK,
    PLAN_ACCEPTED,
    EVIDENCE_SUBMITTED,
    REOPENED,
    SIGNED_OFF
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long escalationId;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String obstacle;
  private String responsibility;
  private String measures;
  private LocalDate deadline;
  private String evidence;
  private String reviewComment;
  private String verification;

  /**
   * A verification the app wrote itself, as a message key and arguments (V32); null: people's own
   * words.
   */
  private String verificationKey;

  private String verificationArgs;
  private String signedOffBy;
  private LocalDateTime signedOffAt;
  private LocalDateTime updatedAt;

  protected Rectification() {}

  public Rectification(Long escalationId, LocalDateTime at) {
    this.escalationId = escalationId;
    this.status = Status.AWAITING_PLAN;
    this.updatedAt = at;
  }

  public void planned(
      String obstacle,
      String responsibility,
      String measures,
      LocalDate deadline,
      LocalDateTime at) {
    this.obstacle = obstacle;
    this.responsibility = responsibility;
    this.measures = measures;
    this.deadline = deadline;
    this.status = Status.PLAN_SUBMITTED;
    this.updatedAt = at;
  }

  public void reviewed(boolean accepted, String comment, LocalDateTime at) {
    this.status = accepted ? Status.PLAN_ACCEPTED : Status.PLAN_SENT_BACK;
    this.reviewComment = comment;
    this.updatedAt = at;
  }

  public void evidenced(String evidence, LocalDateTime at) {
    this.evidence = evidence;
    this.status = Status.EVIDENCE_SUBMITTED;
    this.updatedAt = at;
  }

  public void reopened(String verification, LocalDateTime at) {
    this.status = Status.REOPENED;
    this.verification = verification;
    this.verificationKey = null;
    this.verificationArgs = null;
    this.updatedAt = at;
  }

  /** Signed off with a verification the app words itself (an item that closed under it). */
  public void signedOff(String by, MessageText verification, LocalDateTime at) {
    signedOff(by, verification.in(MessageTexts.DEFAULT), at);
    this.verificationKey = verification.key();
    this.verificationArgs = verification.argsJson();
  }

  public void signedOff(String by, String verification, LocalDateTime at) {
    this.status = Status.SIGNED_OFF;
    this.verification = verification;
    this.verificationKey = null;
    this.verificationArgs = null;
    this.signedOffBy = by;
    this.signedOffAt = at;
    this.updatedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getEscalationId() {
    return escalationId;
  }

  public Status getStatus() {
    return status;
  }

  public String getObstacle() {
    return obstacle;
  }

  public String getResponsibility() {
    return responsibility;
  }

  public String getMeasures() {
    return measures;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public String getEvidence() {
    return evidence;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  /** The supervision office's verification (核验) at sign-off or reopening. */
  public String getVerification() {
    return MessageTexts.stored(verificationKey, verificationArgs, verification);
  }

  public boolean isOpen() {
    return status != Status.SIGNED_OFF;
  }

  public String getSignedOffBy() {
    return signedOffBy;
  }

  public LocalDateTime getSignedOffAt() {
    return signedOffAt;
  }
}
