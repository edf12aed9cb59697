package org.duban.decomposition;

import java.util.Comparator;
import java.util.List;

/** What importing a file into a draft would do, or why it cannot. */
public record ImportPlan(
    List<PlannedRow> rows, List<String> newGoalAreas, List<ImportProblem> problems) {

  public ImportPlan {
    rows = List.copyOf(rows);
    newGoalAreas = List.copyOf(newGoalAreas);
    problems = problems.stream().sorted(Comparator.comparingInt(ImportProblem::row)).toList();
  }

  static ImportPlan rejected(List<ImportProblem> problems) {
    return new ImportPlan(List.of(), List.of(), problems);
  }

  /** A kind of problem and how many of the plan's problems are of it. */
  public record KindCount(String kind, int count) {}

  /** The problems counted by kind, the kinds in the order their first problem comes. */
  public List<KindCount> problemKinds() {
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (ImportProblem problem : problems) {
      counts.merge(problem.kind(), 1, Integer::sum);
    }
    return counts.entrySet().stream().map(e -> new KindCount(e.getKey(), e.getValue())).toList();
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
