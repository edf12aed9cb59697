package org.duban.assessment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A department's one appeal (申诉) against its assessment score, and the leader's decision. */
@Entity
public class AssessmentAppeal {

  public static final String UPHOLD = "uphold";
  public static final String CHANGE = "change";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long assessmentId;
  private Long departmentId;
  private Long workItemId;
  private String reason;
  private String appealedBy;
  private LocalDateTime appealedAt;
  private String decision;
  private String decisionReason;
  private BigDecimal newScore;
  private String decidedBy;
  private LocalDateTime decidedAt;

  protected AssessmentAppeal() {}

  public AssessmentAppeal(
      Long assessmentId,
      Long departmentId,
      Long workItemId,
      String reason,
      String appealedBy,
      LocalDateTime appealedAt) {
    this.assessmentId = assessmentId;
    this.departmentId = departmentId;
    this.workItemId = workItemId;
    this.reason = reason;
    this.appealedBy = appealedBy;
    this.appealedAt = appealedAt;
  }

  void decide(
      String decision,
      String reason,
      BigDecimal newScore,
      Long changedItemId,
      String by,
      LocalDateTime at) {
    this.decision = decision;
    this.decisionReason = reason;
    this.newScore = newScore;
    if (changedItemId != null) {
      this.workItemId = changedItemId;
    }
    this.decidedBy = by;
    this.decidedAt = at;
  }

  public boolean isDecided() {
    return decision != null;
  }

  public Long getId() {
    return id;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  public Long getDepartmentId() {
    return departmentId;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public String getReason() {
    return reason;
  }

  public String getAppealedBy() {
    return appealedBy;
  }

  public LocalDateTime getAppealedAt() {
    return appealedAt;
  }

  public String getDecision() {
    return decision;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public BigDecimal getNewScore() {
    return newScore;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public LocalDateTime getDecidedAt() {
    return decidedAt;
  }
}
