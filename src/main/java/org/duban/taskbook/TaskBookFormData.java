package org.duban.taskbook;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The "new task book" form. */
public class TaskBookFormData {

  @NotBlank
  @Size(max = 200)
  private String title;

  @NotNull
  @Min(2000)
  @Max(2100)
  private Integer year;

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate periodStart;

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate periodEnd;

  @NotNull private BookLevel level = BookLevel.HOSPITAL;

  /** The book one level up, for annual, leader and department books. */
  private Long parentId;

  /** Who signs: a department (its head) for a department book, a leader for a leader's book. */
  private Long responsibleDepartmentId;

  private Long responsiblePersonId;

  /** Goal areas, one per line or separated by 、 or commas. */
  @Size(max = 1000)
  private String goalAreas;

  @AssertTrue(message = "{book.period.order}")
  public boolean isPeriodOrdered() {
    return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
  }

  @AssertTrue(message = "{book.goalAreas.required}")
  public boolean isGoalAreasGiven() {
    return !goalAreaNames().isEmpty();
  }

  public List<String> goalAreaNames() {
    if (goalAreas == null) {
      return List.of();
    }
    return Arrays.stream(goalAreas.split("[\\r\\n,，、;；]+"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> s.length() > GoalArea.MAX_NAME ? s.substring(0, GoalArea.MAX_NAME) : s)
        .distinct()
        .toList();
  }

  @AssertTrue(message = "{book.responsible.required}")
  public boolean isResponsibleGiven() {
    return switch (level == null ? BookLevel.HOSPITAL : level) {
      case DEPARTMENT -> responsibleDepartmentId != null;
      case LEADER -> responsiblePersonId != null;
      default -> true;
    };
  }

  public BookLevel getLevel() {
    return level;
  }

  public void setLevel(BookLevel level) {
    this.level = level;
  }

  public Long getParentId() {
    return parentId;
  }

  public void setParentId(Long parentId) {
    this.parentId = parentId;
  }

  public Long getResponsibleDepartmentId() {
    return responsibleDepartmentId;
  }

  public void setResponsibleDepartmentId(Long responsibleDepartmentId) {
    this.responsibleDepartmentId = responsibleDepartmentId;
  }

  public Long getResponsiblePersonId() {
    return responsiblePersonId;
  }

  public void setResponsiblePersonId(Long responsiblePersonId) {
    this.responsiblePersonId = responsiblePersonId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Integer getYear() {
    return year;
  }

  public void setYear(Integer year) {
    this.year = year;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public void setPeriodStart(LocalDate periodStart) {
    this.periodStart = periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public void setPeriodEnd(LocalDate periodEnd) {
    this.periodEnd = periodEnd;
  }

  public String getGoalAreas() {
    return goalAreas;
  }

  public void setGoalAreas(String goalAreas) {
    this.goalAreas = goalAreas;
  }
}
