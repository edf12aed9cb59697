package org.duban.orgadmin;

import java.util.List;
import org.duban.org.Department;
import org.duban.org.Person;
import org.duban.org.PersonRepository;

/**
 * People and departments as the audit log keeps them, before and after a change; never a password.
 */
final class Snapshots {

  private Snapshots() {}

  record PersonSnapshot(
      String username,
      String fullName,
      String title,
      String department,
      List<String> roles,
      boolean active) {}

  record DepartmentSnapshot(
      String code,
      String name,
      String shortName,
      String kind,
      boolean active,
      String head,
      List<String> deputies) {}

  static PersonSnapshot of(Person person) {
    return new PersonSnapshot(
        person.getUsername(),
        person.getFullName(),
        person.getTitle(),
        person.getDepartment() == null ? null : person.getDepartment().getName(),
        person.getRoles().stream().sorted().map(Enum::name).toList(),
        person.isActive());
  }

  static DepartmentSnapshot of(Department department, PersonRepository people) {
    return new DepartmentSnapshot(
        department.getCode(),
        department.getName(),
        department.getShortName(),
        department.getKind().name(),
        department.isActive(),
        department.getHeadPersonId() == null
            ? null
            : username(department.getHeadPersonId(), people),
        department.getDeputyIds().stream().map(id -> username(id, people)).toList());
  }

  private static String username(Long personId, PersonRepository people) {
    return people.findById(personId).map(Person::getUsername).orElse(String.valueOf(personId));
  }
}
