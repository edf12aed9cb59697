package org.duban.decomposition;

import java.time.LocalDate;
import java.util.List;
import org.duban.book.WorkItemFormData;

/**
 * A row of the file as it will be created: names resolved to departments and a leader, the deadline
 * parsed, its indicators (from its own cells and from the rows under it that continue it with the
 * same 序号). For display the names are the resolved ones, or the file's text where they could not be
 * resolved.
 */
public record PlannedRow(
    int rowNumber,
    String seq,
    String goalArea,
    boolean newGoalArea,
    String title,
    String targetText,
    Long leadDepartmentId,
    String leadDepartment,
    List<Long> collaboratorIds,
    List<String> collaborators,
    Long leaderInChargeId,
    String leaderInCharge,
    LocalDate deadline,
    String deadlineText,
    Status status,
    List<ImportProblem> problems,
    List<PlannedIndicator> indicators,
    LocalDate startDate) {

  public enum Status {
    /** Will be created. */
    NEW,
    /** Its 序号 is in the book already with the same content: skipped. */
    EXISTING,
    /** Has problems; nothing is imported while any row has. */
    INVALID
  }

  public PlannedRow {
    collaboratorIds = List.copyOf(collaboratorIds);
    collaborators = List.copyOf(collaborators);
    problems = List.copyOf(problems);
    indicators = List.copyOf(indicators);
  }

  /** The editor's form for this row, so that TaskBookService.addItem applies its own checks. */
  WorkItemFormData toForm(Long goalAreaId) {
    WorkItemFormData data = new WorkItemFormData();
    data.setGoalAreaId(goalAreaId);
    data.setSeq(seq);
    data.setTitle(title);
    data.setTargetText(targetText);
    data.setLeadDepartmentId(leadDepartmentId);
    data.setCollaboratorIds(collaboratorIds);
    data.setLeaderInChargeId(leaderInChargeId);
    data.setDeadline(deadline);
    data.setStartDate(startDate);
    return data;
  }
}
