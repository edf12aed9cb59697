package org.duban.orgadmin;

import java.util.List;

/** A change of people or departments that was refused; nothing was written. */
public class PeopleRejected extends RuntimeException {

  private final transient List<PeopleProblem> problems;

  public PeopleRejected(List<PeopleProblem> problems) {
    super(problems.stream().map(PeopleProblem::key).toList().toString());
    this.problems = List.copyOf(problems);
  }

  public PeopleRejected(String key, Object... args) {
    this(List.of(new PeopleProblem(key, args)));
  }

  public List<PeopleProblem> problems() {
    return problems;
  }
}
