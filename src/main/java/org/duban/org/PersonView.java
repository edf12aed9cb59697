package org.duban.org;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A person as pages and other packages read them: a copy without the password hash. */
public record PersonView(
    Long id,
    String username,
    String fullName,
    String title,
    Long departmentId,
    String departmentName,
    Set<Role> roles,
    boolean active) {

  public static PersonView of(Person person) {
    Department department = person.getDepartment();
    return new PersonView(
        person.getId(),
        person.getUsername(),
        person.getFullName(),
        person.getTitle(),
        department == null ? null : department.getId(),
        department == null ? null : department.getName(),
        rolesOf(person),
        person.isActive());
  }

  // in the enum's order, as the forms list them
  private static Set<Role> rolesOf(Person person) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(person.getRoles());
    return Collections.unmodifiableSet(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
