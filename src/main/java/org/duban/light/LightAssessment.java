package org.duban.light;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;
import org.duban.book.Light;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;

/** A light the rules set on an item, with the figures they used: lights are explainable. */
@Entity
public class LightAssessment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long workItemId;
  private Long sweepId;

  @Enumerated(EnumType.STRING)
  private Light light;

  /** The {@code rule} output of the decision table: which rule set the light. */
  @Column(name = "rule_id")
  private String rule;

  private String reason;

  /** The reason as a message key and arguments (V32); null: show the stored words. */
  private String reasonKey;

  private String reasonArgs;
  private int expectedProgress;
  private int reportedProgress;
  private int daysSinceLastCheckIn;
  private int missedCheckIns;
  private int daysToDeadline;
  private int overdueSubTasks;
  private int indicatorsOffTrack;

  /** Check-ins the item had submitted; null for lights set before the figure was kept. */
  private Integer submittedCheckIns;

  private LocalDateTime assessedAt;

  protected LightAssessment() {}

  LightAssessment(
      Long workItemId,
      Long sweepId,
      Light light,
      String rule,
      String reason,
      LightFacts facts,
      LocalDateTime at) {
    this(workItemId, sweepId, light, rule, reason, null, facts, at);
  }

  LightAssessment(
      Long workItemId,
      Long sweepId,
      Light light,
      String rule,
      String reason,
      MessageText reasonText,
      LightFacts facts,
      LocalDateTime at) {
    this.workItemId = workItemId;
    this.sweepId = sweepId;
    this.light = light;
    this.rule = rule;
    this.reason = reason;
    this.reasonKey = reasonText == null ? null : reasonText.key();
    this.reasonArgs = reasonText == null ? null : reasonText.argsJson();
    this.expectedProgress = facts.expectedProgress();
    this.reportedProgress = facts.reportedProgress();
    this.daysSinceLastCheckIn = facts.daysSinceLastCheckIn();
    this.missedCheckIns = facts.missedCheckIns();
    this.daysToDeadline = facts.daysToDeadline();
    this.overdueSubTasks = facts.overdueSubTasks();
    this.indicatorsOffTrack = facts.indicatorsOffTrack();
    this.submittedCheckIns = facts.submittedCheckIns();
    this.assessedAt = at;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public Long getSweepId() {
    return sweepId;
  }

  public Light getLight() {
    return light;
  }

  /** Null for lights recorded before the rules named themselves. */
  public String getRule() {
    return rule;
  }

  /** The reason in the reader's language (the stored words for lights recorded without a key). */
  public String getReason() {
    return MessageTexts.stored(reasonKey, reasonArgs, reason);
  }

  public int getExpectedProgress() {
    return expectedProgress;
  }

  public int getReportedProgress() {
    return reportedProgress;
  }

  public int getDaysSinceLastCheckIn() {
    return daysSinceLastCheckIn;
  }

  public int getMissedCheckIns() {
    return missedCheckIns;
  }

  public int getDaysToDeadline() {
    return daysToDeadline;
  }

  public int getOverdueSubTasks() {
    return overdueSubTasks;
  }

  public int getIndicatorsOffTrack() {
    return indicatorsOffTrack;
  }

  public Integer getSubmittedCheckIns() {
    return submittedCheckIns;
  }

  /**
   * The item had never reported: pages say 未填报 where they would say "0 天" since the last report.
   */
  public boolean isNeverReported() {
    return submittedCheckIns != null && submittedCheckIns == 0;
  }

  /** How far the item lagged behind 序时进度, as the rules saw it. */
  public int getProgressGap() {
    return expectedProgress - reportedProgress;
  }

  public LocalDateTime getAssessedAt() {
    return assessedAt;
  }
}
