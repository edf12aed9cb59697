package org.duban.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.infrastructure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospital's people for reading: the lists and pages outside this package get records, so they
 * neither reach the repository nor hold an entity. Changes go through orgadmin; names by log-in
 * through {@link PeopleNames}.
 */
@Service
public class People {

  private final PersonRepository people;
  private final DepartmentHeads heads;

  People(PersonRepository people, DepartmentHeads heads) {
    this.people = people;
    this.heads = heads;
  }

  /** The person; NotFound (404) for an unknown id. */
  @Transactional(readOnly = true)
  public PersonView get(Long id) {
    return people.findById(id).map(PersonView::of).orElseThrow(NotFound::new);
  }

  @Transactional(readOnly = true)
  public Optional<PersonView> byUsername(String username) {
    return people.findByUsername(username).map(PersonView::of);
  }

  /** The full name of the person with this id, or null for none or an unknown id. */
  @Transactional(readOnly = true)
  public String fullNameOf(Long id) {
    return id == null ? null : people.findById(id).map(Person::getFullName).orElse(null);
  }

  /** The active leaders (院领导), the choices for "leader in charge". */
  @Transactional(readOnly = true)
  public List<PersonView> activeLeaders() {
    return people.findActiveByRole(Role.LEADER).stream().map(PersonView::of).toList();
  }

  /** The department's active members in the order they were made. */
  @Transactional(readOnly = true)
  public List<PersonView> membersOf(Long departmentId) {
    return people.findByDepartmentIdAndActiveTrueOrderByIdAsc(departmentId).stream()
        .map(PersonView::of)
        .toList();
  }

  /**
   * Who leads the department ({@link DepartmentHeads#leadersOf}): full names by person id, in
   * order.
   */
  @Transactional(readOnly = true)
  public Map<Long, String> leaderNamesOf(Long departmentId) {
    Map<Long, String> leaders = new LinkedHashMap<>();
    heads.leadersOf(departmentId).forEach(p -> leaders.put(p.getId(), p.getFullName()));
    return leaders;
  }
}
