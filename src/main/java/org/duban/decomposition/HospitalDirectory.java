package org.duban.decomposition;

import java.util.List;
import java.util.Map;
import org.duban.org.Department;
import org.duban.org.NameKey;
import org.duban.org.Person;
import org.duban.org.Role;

/**
 * Finds the departments and leaders a decomposition table names, as hospitals write them. Names are
 * compared by {@link NameKey} (spaces, full-width and half-width brackets do not count).
 *
 * <p>A department is found by its name, else by an alias an admin keeps (医务科 for 医务部), else by its
 * short name. A leader (an active person with the role LEADER) is found by full name, else by an
 * alias, else by title/职务 (党委书记, 院长, 副院长（业务）). Only a unique fit is taken: several fits are {@link
 * Match.Ambiguous} with the candidates named, never a guess.
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
  private final Map<String, Long> departmentAliases;
  private final Map<String, Long> personAliases;

  /**
   * @param departments the active departments; @param people the active people
   */
  HospitalDirectory(List<Department> departments, List<Person> people) {
    this(departments, people, Map.of(), Map.of());
  }

  /**
   * @param departmentAliases department id by alias key ({@link NameKey})
   * @param personAliases person id by alias key
   */
  HospitalDirectory(
      List<Department> departments,
      List<Person> people,
      Map<String, Long> departmentAliases,
      Map<String, Long> personAliases) {
    this.departments = departments.stream().filter(Department::isActive).toList();
    this.people = people.stream().filter(Person::isActive).toList();
    this.departmentAliases = Map.copyOf(departmentAliases);
    this.personAliases = Map.copyOf(personAliases);
  }

  /** The active departments, for a screen that maps names to them. */
  List<Department> departments() {
    return departments;
  }

  /** The active leaders, for a screen that maps names to them. */
  List<Person> leaders() {
    return people.stream().filter(p -> p.has(Role.LEADER)).toList();
  }

  Match<Department> department(String text) {
    String key = key(text);
    if (key.isEmpty()) {
      return new Match.Unknown<>();
    }
    List<Department> byName =
        departments.stream().filter(d -> key(d.getName()).equals(key)).toList();
    if (byName.size() == 1) {
      return new Match.Found<>(byName.get(0));
    }
    Long aliased = departmentAliases.get(key);
    if (aliased != null) {
      // an alias of a department no longer in use names nothing
      List<Department> byAlias =
          departments.stream().filter(d -> aliased.equals(d.getId())).toList();
      if (byAlias.size() == 1) {
        return new Match.Found<>(byAlias.get(0));
      }
    }
    List<Department> byShortName =
        departments.stream()
            .filter(d -> d.getShortName() != null && key(d.getShortName()).equals(key))
            .toList();
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
    if (key.isEmpty()) {
      return new Match.Unknown<>();
    }
    List<Person> named = people.stream().filter(p -> key(p.getFullName()).equals(key)).toList();
    List<Person> leaders = named.stream().filter(p -> p.has(Role.LEADER)).toList();
    if (leaders.size() == 1) {
      return new Match.Found<>(leaders.get(0));
    }
    Long aliased = personAliases.get(key);
    if (aliased != null) {
      List<Person> byAlias = people.stream().filter(p -> aliased.equals(p.getId())).toList();
      if (byAlias.size() == 1) {
        return byAlias.get(0).has(Role.LEADER)
            ? new Match.Found<>(byAlias.get(0))
            : new Match.NotLeader<>();
      }
    }
    if (leaders.size() > 1) {
      return new Match.Ambiguous<>(leaders.stream().map(Person::displayName).toList());
    }
    List<Person> titled =
        people.stream().filter(p -> p.getTitle() != null && key(p.getTitle()).equals(key)).toList();
    List<Person> titledLeaders = titled.stream().filter(p -> p.has(Role.LEADER)).toList();
    if (titledLeaders.size() == 1) {
      return new Match.Found<>(titledLeaders.get(0));
    }
    if (titledLeaders.size() > 1) {
      return new Match.Ambiguous<>(
          titledLeaders.stream().map(HospitalDirectory::nameWithTitle).toList());
    }
    return named.isEmpty() && titled.isEmpty() ? new Match.Unknown<>() : new Match.NotLeader<>();
  }

  /** "陈志强（副院长（业务））": who fits a title, told apart by name. */
  private static String nameWithTitle(Person person) {
    return person.getFullName() + "（" + person.getTitle() + "）";
  }

  static String key(String name) {
    return NameKey.of(name);
  }
}
