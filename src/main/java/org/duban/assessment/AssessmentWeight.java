package org.duban.assessment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.Objects;

/** The weight (percent) of one goal area of the book in one assessment. */
@Entity
@IdClass(AssessmentWeight.Key.class)
public class AssessmentWeight {

  @Id private Long assessmentId;
  @Id private Long goalAreaId;
  private String areaName;
  private int weight;

  protected AssessmentWeight() {}

  public AssessmentWeight(Long assessmentId, Long goalAreaId, String areaName, int weight) {
    this.assessmentId = assessmentId;
    this.goalAreaId = goalAreaId;
    this.areaName = areaName;
    this.weight = weight;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  public Long getGoalAreaId() {
    return goalAreaId;
  }

  public String getAreaName() {
    return areaName;
  }

  public int getWeight() {
    return weight;
  }

  public static class Key implements Serializable {
    private Long assessmentId;
    private Long goalAreaId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(assessmentId, k.assessmentId)
          && Objects.equals(goalAreaId, k.goalAreaId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(assessmentId, goalAreaId);
    }
  }
}
