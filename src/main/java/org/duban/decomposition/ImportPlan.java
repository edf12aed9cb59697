package org.duban.decomposition;

import java.util.Comparator;
import java.util.List;

/** What importing a file into a draft would do, or why it cannot. */
public record ImportPlan(List<PlannedRow> rows, List<String> newGoalAreas, List<ImportProblem> problems) {

  public ImportPlan {
    rows = List.copyOf(rows);
    newGoalAreas = List.copyOf(newGoalAreas);
    problems = problems.stream().sorted(Comparator.comparingInt(ImportProblem::row)).toList();
  }

  static ImportPlan rejected(List<ImportProblem> problems) {
    return new ImportPlan(List.of(), List.of(), problems);
  }

  public boolean isClean() {
    return problems.isEmpty();
  }

  public List<PlannedRow> newRows() {
    return rows.stream().filter(r -> r.status() == PlannedRow.Status.NEW).toList();
  }

  public List<PlannedRow> existingRows() {
    return rows.stream().filter(r -> r.status() == PlannedRow.Status.EXISTING).toList();
  }
}
