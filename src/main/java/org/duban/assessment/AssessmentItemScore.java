package org.duban.assessment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/**
 * One item's score in an assessment: the facts the rules read, the score they gave with their
 * reasons (original), and the score that counts (final), changed only by a leader's decision on an
 * appeal.
 */
@Entity
public class AssessmentItemScore {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long assessmentId;
  private Long workItemId;
  private Long goalAreaId;
  private Long departmentId;
  private Long leaderId;
  private String completion;
  private int indicatorAttainment;
  private int rectificationsSignedOff;
  private int rectificationsOpen;
  private int missedCheckIns;
  private BigDecimal originalScore;
  private BigDecimal finalScore;
  private String reasons;
  private String changeReason;
  private String changedBy;

  protected AssessmentItemScore() {}

  public AssessmentItemScore(
      Long assessmentId,
      Long workItemId,
      Long goalAreaId,
      Long departmentId,
      Long leaderId,
      ItemFacts facts,
      ItemScore score) {
    this.assessmentId = assessmentId;
    this.workItemId = workItemId;
    this.goalAreaId = goalAreaId;
    this.departmentId = departmentId;
    this.leaderId = leaderId;
    this.completion = facts.completion().name();
    this.indicatorAttainment = facts.indicatorAttainment();
    this.rectificationsSignedOff = facts.rectificationsSignedOff();
    this.rectificationsOpen = facts.rectificationsOpen();
    this.missedCheckIns = facts.missedCheckIns();
    this.originalScore = score.points();
    this.finalScore = score.points();
    this.reasons = score.reasonText();
  }

  void change(BigDecimal score, String reason, String by) {
    this.finalScore = score;
    this.changeReason = reason;
    this.changedBy = by;
  }

  public boolean isChanged() {
    return originalScore.compareTo(finalScore) != 0;
  }

  public Long getId() {
    return id;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public Long getGoalAreaId() {
    return goalAreaId;
  }

  public Long getDepartmentId() {
    return departmentId;
  }

  public Long getLeaderId() {
    return leaderId;
  }

  public String getCompletion() {
    return completion;
  }

  public int getIndicatorAttainment() {
    return indicatorAttainment;
  }

  public int getRectificationsSignedOff() {
    return rectificationsSignedOff;
  }

  public int getRectificationsOpen() {
    return rectificationsOpen;
  }

  public int getMissedCheckIns() {
    return missedCheckIns;
  }

  public BigDecimal getOriginalScore() {
    return originalScore;
  }

  public BigDecimal getFinalScore() {
    return finalScore;
  }

  public String getReasons() {
    return reasons;
  }

  public String getChangeReason() {
    return changeReason;
  }

  public String getChangedBy() {
    return changedBy;
  }
}
