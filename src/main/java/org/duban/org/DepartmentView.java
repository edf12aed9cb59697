package org.duban.org;

import java.util.List;

/** A department as pages and other packages read it: a copy, never the entity. */
public record DepartmentView(
    Long id,
    String code,
    String name,
    String shortName,
    DepartmentKind kind,
    boolean active,
    Long headPersonId,
    List<Long> deputyIds) {

  public static DepartmentView of(Department department) {
    return new DepartmentView(
        department.getId(),
        department.getCode(),
        department.getName(),
        department.getShortName(),
        department.getKind(),
        department.isActive(),
        department.getHeadPersonId(),
        List.copyOf(department.getDeputyIds()));
  }
}
