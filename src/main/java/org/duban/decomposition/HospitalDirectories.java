package org.duban.decomposition;

import java.util.HashMap;
import java.util.Map;
import org.duban.org.DepartmentAliasRepository;
import org.duban.org.DepartmentRepository;
import org.duban.org.PersonAliasRepository;
import org.duban.org.PersonRepository;
import org.springframework.stereotype.Component;

/**
 * The hospital's departments, people and their other names as they stand, for one plan of an
 * import.
 */
@Component
class HospitalDirectories {

  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final DepartmentAliasRepository departmentAliases;
  private final PersonAliasRepository personAliases;

  HospitalDirectories(
      DepartmentRepository departments,
      PersonRepository people,
      DepartmentAliasRepository departmentAliases,
      PersonAliasRepository personAliases) {
    this.departments = departments;
    this.people = people;
    this.departmentAliases = departmentAliases;
    this.personAliases = personAliases;
  }

  /** Call inside a transaction (the people's departments are read with them). */
  HospitalDirectory load() {
    Map<String, Long> departmentKeys = new HashMap<>();
    departmentAliases
        .findAll()
        .forEach(a -> departmentKeys.put(a.getAliasKey(), a.getDepartmentId()));
    Map<String, Long> personKeys = new HashMap<>();
    personAliases.findAll().forEach(a -> personKeys.put(a.getAliasKey(), a.getPersonId()));
    return new HospitalDirectory(
        departments.findByActiveTrueOrderByIdAsc(), people.findAll(), departmentKeys, personKeys);
  }
}
