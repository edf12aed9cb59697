package org.duban.light;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;
import org.duban.book.Light;

/**
 * That the weekly sweep has put an item's light to the escalation ladder in an ISO week. Written in
 * the transaction that calls the ladder; unique per week and item (table {@code
 * weekly_ladder_step}), so the ladder hears of an item at most once a week, however often the sweep
 * runs.
 */
@Entity
public class WeeklyLadderStep {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String isoWeek;
  private Long workItemId;
  private Long sweepId;

  @Enumerated(EnumType.STRING)
  private Light light;

  private boolean escalated;
  private LocalDateTime steppedAt;

  protected WeeklyLadderStep() {}

  WeeklyLadderStep(String isoWeek, Long workItemId, Long sweepId, Light light, LocalDateTime at) {
    this.isoWeek = isoWeek;
    this.workItemId = workItemId;
    this.sweepId = sweepId;
    this.light = light;
    this.steppedAt = at;
  }

  void escalated() {
    escalated = true;
  }

  public String getIsoWeek() {
    return isoWeek;
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

  public boolean isEscalated() {
    return escalated;
  }

  public LocalDateTime getSteppedAt() {
    return steppedAt;
  }
}
