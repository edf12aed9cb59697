package org.duban.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.duban.org.Department;
import org.duban.org.DepartmentHeads;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who to tell, as usernames of active people only, in a stable order: the helpers callers use to
 * fill {@link Message#recipients()}. Groups are the Camunda groups Duban keeps ({@code
 * dept_<code>}, {@code role_<role>}), so a task's candidate group names its people.
 */
@Component
@Transactional(readOnly = true)
public class Recipients {

  private final PersonRepository people;
  private final DepartmentRepository departments;
  private final DepartmentHeads heads;

  Recipients(PersonRepository people, DepartmentRepository departments, DepartmentHeads heads) {
    this.people = people;
    this.departments = departments;
    this.heads = heads;
  }

  /** Members of a department group ({@code dept_medical}) or a role group ({@code role_leader}). */
  public Set<String> ofGroup(String groupId) {
    if (groupId.startsWith(Department.GROUP_PREFIX)) {
      return departments
          .findByCode(groupId.substring(Department.GROUP_PREFIX.length()))
          .map(d -> usernames(people.findByDepartmentIdAndActiveTrueOrderByIdAsc(d.getId())))
          .orElse(Set.of());
    }
    for (Role role : Role.values()) {
      if (role.groupId().equals(groupId)) {
        return usernames(people.findActiveByRole(role));
      }
    }
    return Set.of();
  }

  /**
   * The heads (科室负责人 and deputies, {@link DepartmentHeads}) of a department; its members when it
   * has none, so nobody is missed.
   */
  public Set<String> headsOf(Long departmentId) {
    var leaders = heads.leadersOf(departmentId);
    return usernames(
        leaders.isEmpty()
            ? people.findByDepartmentIdAndActiveTrueOrderByIdAsc(departmentId)
            : leaders);
  }

  /** The supervision office (督查室): everyone with the supervision role. */
  public Set<String> supervisionOffice() {
    return usernames(people.findActiveByRole(Role.SUPERVISION));
  }

  /** One person by id, when active. */
  public Set<String> person(Long personId) {
    return people
        .findById(personId)
        .filter(Person::isActive)
        .map(p -> Set.of(p.getUsername()))
        .orElse(Set.of());
  }

  /** The given usernames that belong to active people, in the given order. */
  public Set<String> activeOnly(Collection<String> usernames) {
    Set<String> active = new LinkedHashSet<>();
    for (String username : usernames) {
      if (username != null
          && people.findByUsername(username).filter(Person::isActive).isPresent()) {
        active.add(username);
      }
    }
    return active;
  }

  private static Set<String> usernames(Collection<Person> persons) {
    Set<String> names = new LinkedHashSet<>();
    persons.forEach(p -> names.add(p.getUsername()));
    return names;
  }
}
