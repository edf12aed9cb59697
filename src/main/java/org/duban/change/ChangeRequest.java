package org.duban.change;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 变更申请: a proposed change of an issued item with its reason. A proposed field that is null stays
 * unchanged; an empty text clears the field.
 */
@Entity
public class ChangeRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long taskBookId;
  private Long workItemId;
  private String reason;

  @Column(name = "title")
  private String proposedTitle;

  @Column(name = "target_text")
  private String proposedTargetText;

  @Column(name = "lead_department_id")
  private Long proposedLeadDepartmentId;

  @Column(name = "leader_in_charge_id")
  private Long proposedLeaderInChargeId;

  @Column(name = "deadline")
  private LocalDate proposedDeadline;

  @Column(name = "acceptance_criteria")
  private String proposedAcceptanceCriteria;

  /**
   * The proposal cancels (撤销) the item instead of changing its terms; then no field is proposed.
   */
  private boolean proposedCancel;

  @Enumerated(EnumType.STRING)
  private ChangeStatus status;

  private String proposedBy;
  private String decidedBy;
  private String decisionComment;
  private String processInstanceId;
  private LocalDateTime createdAt;
  private LocalDateTime decidedAt;

  protected ChangeRequest() {}

  ChangeRequest(
      Long taskBookId, Long workItemId, String reason, String proposedBy, LocalDateTime createdAt) {
    this.taskBookId = taskBookId;
    this.workItemId = workItemId;
    this.reason = reason;
    this.proposedBy = proposedBy;
    this.createdAt = createdAt;
    this.status = ChangeStatus.PROPOSED;
  }

  void propose(
      String title,
      String targetText,
      Long leadDepartmentId,
      Long leaderInChargeId,
      LocalDate deadline,
      String acceptanceCriteria) {
    this.proposedTitle = title;
    this.proposedTargetText = targetText;
    this.proposedLeadDepartmentId = leadDepartmentId;
    this.proposedLeaderInChargeId = leaderInChargeId;
    this.proposedDeadline = deadline;
    this.proposedAcceptanceCriteria = acceptanceCriteria;
  }

  void proposeCancel() {
    propose(null, null, null, null, null, null);
    this.proposedCancel = true;
  }

  public boolean isProposedCancel() {
    return proposedCancel;
  }

  boolean changesNothing() {
    return !proposedCancel
        && proposedTitle == null
        && proposedTargetText == null
        && proposedLeadDepartmentId == null
        && proposedLeaderInChargeId == null
        && proposedDeadline == null
        && proposedAcceptanceCriteria == null;
  }

  void startedProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void decided(ChangeStatus decision, String actor, String comment, LocalDateTime at) {
    this.status = decision;
    this.decidedBy = actor;
    this.decisionComment = comment;
    this.decidedAt = at;
  }

  public boolean isOpen() {
    return status == ChangeStatus.PROPOSED;
  }

  public Long getId() {
    return id;
  }

  public Long getTaskBookId() {
    return taskBookId;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public String getReason() {
    return reason;
  }

  public String getProposedTitle() {
    return proposedTitle;
  }

  public String getProposedTargetText() {
    return proposedTargetText;
  }

  public Long getProposedLeadDepartmentId() {
    return proposedLeadDepartmentId;
  }

  public Long getProposedLeaderInChargeId() {
    return proposedLeaderInChargeId;
  }

  public LocalDate getProposedDeadline() {
    return proposedDeadline;
  }

  public String getProposedAcceptanceCriteria() {
    return proposedAcceptanceCriteria;
  }

  public ChangeStatus getStatus() {
    return status;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public String getDecisionComment() {
    return decisionComment;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getDecidedAt() {
    return decidedAt;
  }
}
