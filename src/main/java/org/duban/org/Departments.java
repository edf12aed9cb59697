package org.duban.org;

import java.util.List;
import org.duban.infrastructure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospital's departments for reading: the lists and pages outside this package get records, so
 * they neither reach the repository nor hold an entity. Changes go through orgadmin.
 */
@Service
public class Departments {

  private final DepartmentRepository departments;
  private final EmptyDepartments empty;

  Departments(DepartmentRepository departments, EmptyDepartments empty) {
    this.departments = departments;
    this.empty = empty;
  }

  /** The active departments in the order they were made: the choices of every form. */
  @Transactional(readOnly = true)
  public List<DepartmentView> active() {
    return departments.findByActiveTrueOrderByIdAsc().stream().map(DepartmentView::of).toList();
  }

  /** All departments, the active ones first, each group in the order they were made. */
  @Transactional(readOnly = true)
  public List<DepartmentView> all() {
    return departments.findAll().stream()
        .sorted(
            (a, b) ->
                a.isActive() == b.isActive()
                    ? a.getId().compareTo(b.getId())
                    : a.isActive() ? -1 : 1)
        .map(DepartmentView::of)
        .toList();
  }

  /** The department; NotFound (404) for an unknown id. */
  @Transactional(readOnly = true)
  public DepartmentView get(Long id) {
    return departments.findById(id).map(DepartmentView::of).orElseThrow(NotFound::new);
  }

  /** The active departments nobody could act for ({@link EmptyDepartments#active()}). */
  @Transactional(readOnly = true)
  public List<DepartmentView> withoutAnyoneToAct() {
    return empty.active().stream().map(DepartmentView::of).toList();
  }
}
