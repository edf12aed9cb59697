package org.duban.org;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People by name (姓名) where records keep their log-in: who did a step, who opened or published an
 * assessment, who started a sweep. Pages show {@link Person#getFullName()}; the log-in only where
 * an admin needs it (the people and audit pages). A log-in no person has any more is shown as it
 * is. Templates call it as {@code @peopleNames}.
 */
@Component("peopleNames")
public class PeopleNames {

  /** The engine's and the jobs' own actor in the records, shown as "系统" by the pages. */
  public static final String SYSTEM = "system";

  private final PersonRepository people;

  PeopleNames(PersonRepository people) {
    this.people = people;
  }

  /** The person's full name, or the log-in itself when no person has it (or null for null). */
  @Transactional(readOnly = true)
  public String of(String username) {
    if (username == null) {
      return null;
    }
    return people.findByUsername(username).map(Person::getFullName).orElse(username);
  }

  /** Full names by log-in for many log-ins, in one query; unknown log-ins map to themselves. */
  @Transactional(readOnly = true)
  public Map<String, String> of(Collection<String> usernames) {
    Map<String, String> names = new HashMap<>();
    var known = usernames.stream().filter(Objects::nonNull).distinct().toList();
    if (known.isEmpty()) {
      return names;
    }
    known.forEach(u -> names.put(u, u));
    people.findByUsernameIn(known).forEach(p -> names.put(p.getUsername(), p.getFullName()));
    return names;
  }
}
