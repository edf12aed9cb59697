package org.duban.ladder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;

/** A red item taken up by the supervision office, from triage to dismissal or sign-off. */
@Entity
public class Escalation {

  public enum Status {
    OPEN,
    DISMISSED,
    SIGNED_OFF,
    /** Back on track after a blue reminder: no notice was needed. */
    RESOLVED,
    /** The hospital meeting decided to end the supervision. */
    CLOSED_BY_MEETING,
    /** Its item closed (accepted, or cancelled by a change) while it was open. */
    ITEM_CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long workItemId;

  /** Equals workItemId while open: the unique column keeps one open escalation per item. */
  private Long openItemId;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(name = "ladder_level")
  private LadderLevel level;

  private String reason;

  /** The reason as a message key and arguments (V32); null: show the stored words. */
  private String reasonKey;

  private String reasonArgs;
  private String dismissReason;
  private String processInstanceId;
  private LocalDateTime openedAt;
  private LocalDateTime closedAt;

  protected Escalation() {}

  Escalation(Long workItemId, LadderLevel level, String reason, LocalDateTime openedAt) {
    this.workItemId = workItemId;
    this.openItemId = workItemId;
    this.status = Status.OPEN;
    this.level = level;
    this.reason = reason;
    this.openedAt = openedAt;
  }

  /** Keeps the reason as a key too, so that each reader gets it in their language. */
  void reasonWorded(MessageText text) {
    this.reasonKey = text == null ? null : text.key();
    this.reasonArgs = text == null ? null : text.argsJson();
  }

  void startedProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void dismissed(String reason, LocalDateTime at) {
    close(Status.DISMISSED, at);
    this.dismissReason = reason;
  }

  void signedOff(LocalDateTime at) {
    close(Status.SIGNED_OFF, at);
  }

  void resolved(LocalDateTime at) {
    close(Status.RESOLVED, at);
  }

  void closedByMeeting(LocalDateTime at) {
    close(Status.CLOSED_BY_MEETING, at);
  }

  void endedWithItem(LocalDateTime at) {
    close(Status.ITEM_CLOSED, at);
  }

  void reached(LadderLevel level) {
    this.level = level;
  }

  private void close(Status status, LocalDateTime at) {
    this.status = status;
    this.openItemId = null;
    this.closedAt = at;
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public Status getStatus() {
    return status;
  }

  public LadderLevel getLevel() {
    return level;
  }

  /** The reason in the reader's language. */
  public String getReason() {
    return MessageTexts.stored(reasonKey, reasonArgs, reason);
  }

  /** The reason for a text of its own: its key when it has one, else its stored words. */
  Object reasonArg() {
    MessageText text = MessageText.stored(reasonKey, reasonArgs);
    return text != null ? text : reason;
  }

  public String getDismissReason() {
    return dismissReason;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public LocalDateTime getOpenedAt() {
    return openedAt;
  }

  public LocalDateTime getClosedAt() {
    return closedAt;
  }
}
