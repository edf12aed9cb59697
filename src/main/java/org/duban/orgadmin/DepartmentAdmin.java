package org.duban.orgadmin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.duban.audit.AuditLog;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.DepartmentView;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's work on departments (科室管理): create, edit, name the head and deputies, deactivate.
 * Each change is synchronised to Camunda's groups and audited with before and after.
 */
@Service
public class DepartmentAdmin {

  /**
   * The code becomes the Camunda group {@code dept_<code>}, so it keeps to what group ids allow.
   */
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{2,30}");

  static final int MAX_NAME = 100;
  static final int MAX_SHORT_NAME = 40;

  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final WorkItemRepository workItems;
  private final EngineIdentitySync sync;
  private final AuditLog auditLog;

  DepartmentAdmin(
      DepartmentRepository departments,
      PersonRepository people,
      WorkItemRepository workItems,
      EngineIdentitySync sync,
      AuditLog auditLog) {
    this.departments = departments;
    this.people = people;
    this.workItems = workItems;
    this.sync = sync;
    this.auditLog = auditLog;
  }

  @Transactional(readOnly = true)
  public List<Department> all() {
    return departments.findAll().stream()
        .sorted(
            (a, b) ->
                a.isActive() == b.isActive()
                    ? a.getId().compareTo(b.getId())
                    : a.isActive() ? -1 : 1)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Department> active() {
    return departments.findByActiveTrueOrderByIdAsc();
  }

  @Transactional(readOnly = true)
  public Department get(Long id) {
    return departments.findById(id).orElseThrow(NotFound::new);
  }

  @Transactional(readOnly = true)
  public List<Person> members(Long departmentId) {
    return people.findByDepartmentIdAndActiveTrueOrderByIdAsc(departmentId);
  }

  @Transactional
  public DepartmentView create(DepartmentForm form) {
    List<UserError> problems = new ArrayList<>();
    String code = form.getCode();
    if (code.isEmpty()) {
      problems.add(new UserError("department.code.missing"));
    } else if (!CODE.matcher(code).matches()) {
      problems.add(new UserError("department.code.invalid"));
    } else if (departments.findAll().stream().anyMatch(d -> d.getCode().equalsIgnoreCase(code))) {
      problems.add(new UserError("department.code.taken", code));
    }
    DepartmentKind kind = checkDetails(form, null, problems);
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Department department =
        departments.save(
            new Department(code, form.getName(), blankToNull(form.getShortName()), kind));
    sync.syncGroups();
    auditLog.record(
        "department.create", "department", code, null, Snapshots.of(department, people));
    return DepartmentView.of(department);
  }

  /** Name, short name and kind; the code stays, being the Camunda group's id. */
  @Transactional
  public Department update(Long id, DepartmentForm form) {
    Department department = get(id);
    List<UserError> problems = new ArrayList<>();
    DepartmentKind kind = checkDetails(form, department, problems);
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Snapshots.DepartmentSnapshot before = Snapshots.of(department, people);
    department.update(form.getName(), blankToNull(form.getShortName()), kind);
    sync.syncGroups();
    auditLog.record(
        "department.update",
        "department",
        department.getCode(),
        before,
        Snapshots.of(department, people));
    return department;
  }

  /** Names the head (or none) and the deputies, all active members of the department. */
  @Transactional
  public Department lead(Long id, Long headId, Collection<Long> deputyIds) {
    Department department = get(id);
    Set<Long> deputies = new LinkedHashSet<>(deputyIds == null ? List.of() : deputyIds);
    if (headId != null) {
      deputies.remove(headId);
    }
    List<UserError> problems = new ArrayList<>();
    if (!department.isActive()) {
      problems.add(new UserError("department.inactive", department.getName()));
    }
    if (headId == null && !deputies.isEmpty()) {
      problems.add(new UserError("department.head.deputiesWithoutHead"));
    }
    List<Long> candidates = new ArrayList<>(deputies);
    if (headId != null) {
      candidates.add(0, headId);
    }
    for (Long personId : candidates) {
      Person person = people.findById(personId).orElse(null);
      if (person == null
          || !person.isActive()
          || person.getDepartment() == null
          || !person.getDepartment().getId().equals(department.getId())) {
        problems.add(
            new UserError(
                "department.head.notMember",
                person == null ? String.valueOf(personId) : person.getFullName(),
                department.getName()));
      }
    }
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Snapshots.DepartmentSnapshot before = Snapshots.of(department, people);
    department.lead(headId, deputies);
    auditLog.record(
        "department.head",
        "department",
        department.getCode(),
        before,
        Snapshots.of(department, people));
    candidates.forEach(this::ensureHeadRole);
    return department;
  }

  /**
   * A named head or deputy signs, receives head reminders and sees the head's pages only with the
   * DEPT_HEAD role: it is added when missing, synchronised to Camunda and audited.
   */
  private void ensureHeadRole(Long personId) {
    Person person = people.findById(personId).orElseThrow(NotFound::new);
    if (person.has(Role.DEPT_HEAD)) {
      return;
    }
    Snapshots.PersonSnapshot before = Snapshots.of(person);
    person.grant(Role.DEPT_HEAD);
    sync.syncPerson(person);
    auditLog.record(
        "person.head-role", "person", person.getUsername(), before, Snapshots.of(person));
  }

  /** Refused while the department has active members or leads open items. */
  @Transactional
  public Department deactivate(Long id) {
    Department department = get(id);
    if (!department.isActive()) {
      return department;
    }
    List<UserError> problems = new ArrayList<>();
    long members = people.countByDepartmentIdAndActiveTrue(id);
    if (members > 0) {
      problems.add(
          new UserError(
              "department.deactivate.hasMembers", department.getName(), String.valueOf(members)));
    }
    long items = workItems.countOpenLedBy(id);
    if (items > 0) {
      problems.add(
          new UserError(
              "department.deactivate.hasOpenItems", department.getName(), String.valueOf(items)));
    }
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Snapshots.DepartmentSnapshot before = Snapshots.of(department, people);
    department.deactivate();
    auditLog.record(
        "department.deactivate",
        "department",
        department.getCode(),
        before,
        Snapshots.of(department, people));
    return department;
  }

  /** A deactivated department is in use again: people can join it and its group is synchronised. */
  @Transactional
  public Department reactivate(Long id) {
    Department department = get(id);
    if (department.isActive()) {
      return department;
    }
    Snapshots.DepartmentSnapshot before = Snapshots.of(department, people);
    department.reactivate();
    sync.syncGroups();
    auditLog.record(
        "department.reactivate",
        "department",
        department.getCode(),
        before,
        Snapshots.of(department, people));
    return department;
  }

  private DepartmentKind checkDetails(
      DepartmentForm form, Department self, List<UserError> problems) {
    String name = form.getName();
    if (name.isEmpty()) {
      problems.add(new UserError("department.name.missing"));
    } else if (name.length() > MAX_NAME) {
      problems.add(new UserError("department.name.tooLong", MAX_NAME));
    } else if (departments.findAll().stream()
        .anyMatch(
            d ->
                d.getName().equalsIgnoreCase(name)
                    && (self == null || !d.getId().equals(self.getId())))) {
      problems.add(new UserError("department.name.taken", name));
    }
    if (form.getShortName().length() > MAX_SHORT_NAME) {
      problems.add(new UserError("department.shortName.tooLong", MAX_SHORT_NAME));
    }
    try {
      return DepartmentKind.valueOf(form.getKind().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new UserError("department.kind.missing"));
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
