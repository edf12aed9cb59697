package org.duban.decomposition;

import java.util.List;
import org.duban.orgadmin.PeopleProblem;

/** The name screen's choices were refused; nothing was written. */
class NamesRejected extends RuntimeException {

  /** A problem with the choice made for one name of the table ({@code name} empty for the screen as a whole). */
  record NameProblem(String name, PeopleProblem problem) {}

  private final transient List<NameProblem> problems;

  NamesRejected(List<NameProblem> problems) {
    super(problems.stream().map(p -> p.problem().key()).toList().toString());
    this.problems = List.copyOf(problems);
  }

  List<NameProblem> problems() {
    return problems;
  }
}
