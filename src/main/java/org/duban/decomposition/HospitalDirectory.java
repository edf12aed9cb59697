package org.duban.decomposition;

import java.util.List;
import java.util.Locale;
import org.duban.org.Department;
import org.duban.org.Person;
import org.duban.org.Role;

/**
 * Finds the departments and leaders a decomposition table names. Spaces do not count (tables
 * align two-character names as "王  伟"); a department is found by its name or, failing that, its
 * short name; a leader by full name among the active people with the role LEADER.
 */
final class HospitalDirectory {

  /** What a name in the table turned out to be. */
  sealed interface Match<T> {
    record Found<T>(T value) implements Match<T> {}

    record Unknown<T>() implements Match<T> {}

    /** Several fit; {@code names} tells the user which. */
    record Ambiguous<T>(List<String> names) implements Match<T> {}

    /** The person exists but is not a leader. */
    record NotLeader<T>() implements Match<T> {}
  }

  private final List<Department> departments;
  private final List<Person> people;

  /** @param departments the active departments; @param people the active people */
  HospitalDirectory(List<Department> departments, List<Person> people) {
    this.departments = departments.stream().filter(Department::isActive).toList();
    this.people = people.stream().filter(Person::isActive).toList();
  }

  Match<Department> department(String text) {
    String key = key(text);
    if (key.isEmpty()) {
      return new Match.Unknown<>();
    }
    List<Department> byName = departments.stream().filter(d -> key(d.getName()).equals(key)).toList();
    if (byName.size() == 1) {
      return new Match.Found<>(byName.get(0));
    }
    List<Department> byShortName =
        departments.stream().filter(d -> d.getShortName() != null && key(d.getShortName()).equals(key)).toList();
    if (byShortName.size() == 1) {
      return new Match.Found<>(byShortName.get(0));
    }
    if (byShortName.size() > 1) {
      return new Match.Ambiguous<>(byShortName.stream().map(Department::getName).toList());
    }
    return new Match.Unknown<>();
  }

  Match<Person> leader(String text) {
    String key = key(text);
    List<Person> named = people.stream().filter(p -> !key.isEmpty() && key(p.getFullName()).equals(key)).toList();
    List<Person> leaders = named.stream().filter(p -> p.has(Role.LEADER)).toList();
    if (leaders.size() == 1) {
      return new Match.Found<>(leaders.get(0));
    }
    if (leaders.size() > 1) {
      return new Match.Ambiguous<>(leaders.stream().map(Person::displayName).toList());
    }
    return named.isEmpty() ? new Match.Unknown<>() : new Match.NotLeader<>();
  }

  static String key(String name) {
    return name == null ? "" : name.replaceAll("[\\s\\u00A0\\u3000]+", "").toLowerCase(Locale.ROOT);
  }
}
