package org.duban.org;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who leads a department: its named head (科室负责人) first, then its deputies (副职), active people only.
 * While a department has no named head, its active members with the DEPT_HEAD role lead it, as
 * before heads were named. The one place that answers "the head of this department".
 */
@Component
public class DepartmentHeads {

  private final DepartmentRepository departments;
  private final PersonRepository people;

  DepartmentHeads(DepartmentRepository departments, PersonRepository people) {
    this.departments = departments;
    this.people = people;
  }

  /** The head, then the deputies; or the DEPT_HEAD members while no head is named; may be empty. */
  @Transactional(readOnly = true)
  public List<Person> leadersOf(Long departmentId) {
    Department department = departments.findById(departmentId).orElse(null);
    if (department == null) {
      return List.of();
    }
    if (department.hasNamedLeaders()) {
      List<Person> named = new ArrayList<>();
      if (department.getHeadPersonId() != null) {
        activePerson(department.getHeadPersonId()).ifPresent(named::add);
      }
      department.getDeputyIds().forEach(id -> activePerson(id).ifPresent(named::add));
      if (!named.isEmpty()) {
        return named;
      }
    }
    return people.findByDepartmentIdAndActiveTrueOrderByIdAsc(departmentId).stream()
        .filter(p -> p.has(Role.DEPT_HEAD))
        .toList();
  }

  /** The one who leads the department first: the named head, or who stands in for them. */
  @Transactional(readOnly = true)
  public Optional<Person> headOf(Long departmentId) {
    return leadersOf(departmentId).stream().findFirst();
  }

  /**
   * The groups ({@code dept_<code>}) of the active departments this person leads by {@link
   * #leadersOf}: those naming them head or deputy, and their own department when they stand among
   * its leaders. Task rights (who claims, signs, disputes, appeals for a department) are read from
   * this.
   */
  @Transactional(readOnly = true)
  public Set<String> groupsLedBy(Long personId) {
    Person person =
        personId == null ? null : people.findById(personId).filter(Person::isActive).orElse(null);
    if (person == null) {
      return Set.of();
    }
    Set<String> groups = new LinkedHashSet<>();
    departments.findActiveNamingLeader(personId).forEach(d -> groups.add(d.groupId()));
    Department own = person.getDepartment();
    if (own != null
        && own.isActive()
        && !groups.contains(own.groupId())
        && leadersOf(own.getId()).stream().anyMatch(p -> p.getId().equals(personId))) {
      groups.add(own.groupId());
    }
    return groups;
  }

  /**
   * Names heads where none is named yet, from the DEPT_HEAD members (the first the head, the others
   * deputies), as migration V10 did for the departments that existed then; for seeded hospitals.
   */
  @Transactional
  public void nameHeadsFromRoles() {
    for (Department department : departments.findAll()) {
      if (department.hasNamedLeaders()) {
        continue;
      }
      List<Long> heads =
          people.findByDepartmentIdAndActiveTrueOrderByIdAsc(department.getId()).stream()
              .filter(p -> p.has(Role.DEPT_HEAD))
              .map(Person::getId)
              .toList();
      if (!heads.isEmpty()) {
        department.lead(heads.get(0), heads.subList(1, heads.size()));
      }
    }
  }

  private Optional<Person> activePerson(Long id) {
    return people.findById(id).filter(Person::isActive);
  }
}
