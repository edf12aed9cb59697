package org.duban.book;

import java.time.LocalDate;
import java.util.List;

/** What pages show of a work item, read inside a transaction. */
public record ItemSummary(
    Long id,
    Long taskBookId,
    String taskBookTitle,
    String goalArea,
    String seq,
    String title,
    String targetText,
    Long leadDepartmentId,
    String leadDepartment,
    List<String> collaborators,
    String leaderInCharge,
    LocalDate deadline,
    String acceptanceCriteria,
    ItemStage stage,
    int percentDone,
    Light light,
    String lightReason,
    List<String> indicators) {

  static ItemSummary of(WorkItem item) {
    return new ItemSummary(
        item.getId(),
        item.getTaskBook().getId(),
        item.getTaskBook().getTitle(),
        item.getGoalArea().getName(),
        item.getSeq(),
        item.getTitle(),
        item.getTargetText(),
        item.getLeadDepartment().getId(),
        item.getLeadDepartment().getName(),
        item.getCollaborators().stream().map(d -> d.getName()).toList(),
        item.getLeaderInCharge().getFullName(),
        item.getDeadline(),
        item.getAcceptanceCriteria(),
        item.getStage(),
        item.getPercentDone(),
        item.getLight(),
        item.getLightReason(),
        item.getIndicators().stream().map(Indicator::describe).toList());
  }

  public String lightClass() {
    return light == null ? "light-none" : "light-" + light.name().toLowerCase();
  }
}
