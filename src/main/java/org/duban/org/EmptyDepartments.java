package org.duban.org;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments nobody could act for: no active head, deputy or DEPT_HEAD member ({@link
 * DepartmentHeads#leadersOf}). Work handed to one would sit in nobody's inbox, so the places that
 * hand work to a department ask here first, and the setting {@code duban.issuing.empty-department}
 * says what then happens: {@code refuse} (the default) or {@code supervision-office} (the
 * department's tasks go to the supervision office, 督查室, whose people have the SUPERVISION role,
 * with a warning).
 */
@Component
public class EmptyDepartments {

  /** What happens to work for a department nobody could act for. */
  public enum Rule {
    REFUSE,
    SUPERVISION_OFFICE
  }

  private final DepartmentRepository departments;
  private final DepartmentHeads heads;
  private volatile Rule rule;

  EmptyDepartments(
      DepartmentRepository departments,
      DepartmentHeads heads,
      @Value("${duban.issuing.empty-department:refuse}") String rule) {
    this.departments = departments;
    this.heads = heads;
    this.rule = parse(rule);
  }

  private static Rule parse(String value) {
    String normal = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return normal.isEmpty() ? Rule.REFUSE : Rule.valueOf(normal);
    } catch (IllegalArgumentException e) {
      // a typo must not silently let work go to nobody
      throw new IllegalStateException(
          "duban.issuing.empty-department must be refuse or supervision-office, not '"
              + value
              + "'");
    }
  }

  public Rule rule() {
    return rule;
  }

  /**
   * Changes the rule while the app runs. For tests: one shared test application serves the tests of
   * both rules (each sets the rule it is about and puts the one before back), instead of a Spring
   * context started for one property.
   */
  public void setRule(Rule rule) {
    this.rule = rule;
  }

  public boolean routesToSupervisionOffice() {
    return rule == Rule.SUPERVISION_OFFICE;
  }

  /** Whether nobody could act for the department. */
  @Transactional(readOnly = true)
  public boolean isEmpty(Long departmentId) {
    return heads.leadersOf(departmentId).isEmpty();
  }

  /**
   * Whether work for the department is to be refused: nobody could act for it and the setting
   * refuses.
   */
  @Transactional(readOnly = true)
  public boolean refusesWorkFor(Long departmentId) {
    return rule == Rule.REFUSE && isEmpty(departmentId);
  }

  /** Of these departments, those nobody could act for, each once, in the given order. */
  @Transactional(readOnly = true)
  public List<Department> among(Collection<Department> candidates) {
    return candidates.stream()
        .filter(Objects::nonNull)
        .map(Department::getId)
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))
        .stream()
        .filter(this::isEmpty)
        .map(id -> departments.findById(id).orElseThrow())
        .toList();
  }

  /** The active departments nobody could act for, for the admin's list. */
  @Transactional(readOnly = true)
  public List<Department> active() {
    return departments.findByActiveTrueOrderByIdAsc().stream()
        .filter(d -> isEmpty(d.getId()))
        .toList();
  }

  /** The names joined for a message, 、-separated as Chinese lists are. */
  public static String names(List<Department> empty) {
    return String.join("、", empty.stream().map(Department::getName).toList());
  }

  /** The Camunda group of the supervision office, which takes the tasks of empty departments. */
  public static String supervisionOfficeGroup() {
    return Role.SUPERVISION.groupId();
  }
}
