package org.duban.book;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** One row of the decomposition table, as the task book editor submits it. */
public class WorkItemFormData {

  @NotNull private Long goalAreaId;

  /** The item of the parent book this item breaks down, if any. */
  private Long parentItemId;

  /**
   * A positive number, with the numbers of its levels after dots (3, 2.1); blank is @NotBlank's to
   * say.
   */
  @NotBlank
  @Size(max = 20)
  @Pattern(regexp = "|\\s*0*[1-9][0-9]*(\\.[0-9]+)*\\s*", message = "{item.seq.positive}")
  private String seq;

  @NotBlank
  @Size(max = 500)
  private String title;

  @Size(max = 2000)
  private String targetText;

  @NotNull private Long leadDepartmentId;

  private List<Long> collaboratorIds = new ArrayList<>();

  @NotNull private Long leaderInChargeId;

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate deadline;

  /**
   * When the work began, when not on the day the item is issued (a sheet's 开始时间); 序时进度 runs from
   * it.
   */
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate startDate;

  @Size(max = 2000)
  private String acceptanceCriteria;

  @Size(max = 200)
  private String indicatorName;

  @Size(max = 20)
  private String indicatorUnit;

  private IndicatorDirection indicatorDirection;

  @Digits(integer = 14, fraction = 4)
  private BigDecimal indicatorBaseline;

  @Digits(integer = 14, fraction = 4)
  private BigDecimal indicatorTarget;

  /** Annual targets of a term book: "2026:1，2027:2" (year, colon, target; separated by commas). */
  @Size(max = 200)
  private String indicatorYearTargets;

  @AssertTrue(message = "{item.indicator.yearTargets}")
  public boolean isYearTargetsReadable() {
    try {
      yearTargets();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The annual targets by year; empty when none were given. */
  public java.util.Map<Integer, BigDecimal> yearTargets() {
    java.util.Map<Integer, BigDecimal> targets = new java.util.TreeMap<>();
    if (indicatorYearTargets == null || indicatorYearTargets.isBlank()) {
      return targets;
    }
    for (String pair : indicatorYearTargets.split("[,，、;；]+")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split("[:：]");
      if (parts.length != 2) {
        throw new IllegalArgumentException(pair);
      }
      targets.put(Integer.valueOf(parts[0].trim()), new BigDecimal(parts[1].trim()));
    }
    return targets;
  }

  public String getIndicatorYearTargets() {
    return indicatorYearTargets;
  }

  public void setIndicatorYearTargets(String indicatorYearTargets) {
    this.indicatorYearTargets = indicatorYearTargets;
  }

  public boolean hasIndicator() {
    return indicatorName != null && !indicatorName.isBlank();
  }

  @AssertTrue(message = "{item.indicator.incomplete}")
  public boolean isIndicatorComplete() {
    if (!hasIndicator()) {
      return true;
    }
    if (indicatorDirection == null) {
      return false;
    }
    return indicatorDirection.isTrend() ? indicatorBaseline != null : indicatorTarget != null;
  }

  /**
   * A negative target, baseline or yearly target only where the indicator can be negative (增长率,
   * 结余).
   */
  @AssertTrue(message = "{item.indicator.negative}")
  public boolean isIndicatorSignPossible() {
    if (!hasIndicator()) {
      return true;
    }
    if (!IndicatorSign.allowed(indicatorName, indicatorTarget)
        || !IndicatorSign.allowed(indicatorName, indicatorBaseline)) {
      return false;
    }
    try {
      return yearTargets().values().stream()
          .allMatch(target -> IndicatorSign.allowed(indicatorName, target));
    } catch (RuntimeException unreadable) {
      return true; // isYearTargetsReadable says what is wrong
    }
  }

  public Long getParentItemId() {
    return parentItemId;
  }

  public void setParentItemId(Long parentItemId) {
    this.parentItemId = parentItemId;
  }

  public Long getGoalAreaId() {
    return goalAreaId;
  }

  public void setGoalAreaId(Long goalAreaId) {
    this.goalAreaId = goalAreaId;
  }

  public String getSeq() {
    return seq;
  }

  public void setSeq(String seq) {
    this.seq = seq;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getTargetText() {
    return targetText;
  }

  public void setTargetText(String targetText) {
    this.targetText = targetText;
  }

  public Long getLeadDepartmentId() {
    return leadDepartmentId;
  }

  public void setLeadDepartmentId(Long leadDepartmentId) {
    this.leadDepartmentId = leadDepartmentId;
  }

  public List<Long> getCollaboratorIds() {
    return collaboratorIds;
  }

  public void setCollaboratorIds(List<Long> collaboratorIds) {
    this.collaboratorIds = collaboratorIds == null ? new ArrayList<>() : collaboratorIds;
  }

  public Long getLeaderInChargeId() {
    return leaderInChargeId;
  }

  public void setLeaderInChargeId(Long leaderInChargeId) {
    this.leaderInChargeId = leaderInChargeId;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public void setDeadline(LocalDate deadline) {
    this.deadline = deadline;
  }

  public String getAcceptanceCriteria() {
    return acceptanceCriteria;
  }

  public void setAcceptanceCriteria(String acceptanceCriteria) {
    this.acceptanceCriteria = acceptanceCriteria;
  }

  public String getIndicatorName() {
    return indicatorName;
  }

  public void setIndicatorName(String indicatorName) {
    this.indicatorName = indicatorName;
  }

  public String getIndicatorUnit() {
    return indicatorUnit;
  }

  public void setIndicatorUnit(String indicatorUnit) {
    this.indicatorUnit = indicatorUnit;
  }

  public IndicatorDirection getIndicatorDirection() {
    return indicatorDirection;
  }

  public void setIndicatorDirection(IndicatorDirection indicatorDirection) {
    this.indicatorDirection = indicatorDirection;
  }

  public BigDecimal getIndicatorBaseline() {
    return indicatorBaseline;
  }

  public void setIndicatorBaseline(BigDecimal indicatorBaseline) {
    this.indicatorBaseline = indicatorBaseline;
  }

  public BigDecimal getIndicatorTarget() {
    return indicatorTarget;
  }

  public void setIndicatorTarget(BigDecimal indicatorTarget) {
    this.indicatorTarget = indicatorTarget;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }
}
