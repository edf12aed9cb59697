package org.duban.orgadmin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.duban.audit.AuditLog;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.PersonView;
import org.duban.org.Role;
import org.duban.task.TaskHandover;
import org.duban.task.TaskHandover.Reason;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's work on people (人员管理): create, edit, deactivate, reset passwords; and everyone's own
 * password change. Each change is synchronised to Camunda's users and memberships and audited with
 * before and after (never a password), in one transaction with the change.
 */
@Service
public class PeopleAdmin {

  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9]{2,40}");
  static final int MAX_NAME = 60;

  /** The problem of a wrong old password on /me/password, which counts toward the lock-out. */
  static final String OLD_PASSWORD_WRONG = "people.password.oldWrong";

  private final PersonRepository people;
  private final DepartmentRepository departments;
  private final PasswordEncoder encoder;
  private final EngineIdentitySync sync;
  private final TaskHandover handover;
  private final AuditLog auditLog;
  private final boolean demo;

  PeopleAdmin(
      PersonRepository people,
      DepartmentRepository departments,
      PasswordEncoder encoder,
      EngineIdentitySync sync,
      TaskHandover handover,
      AuditLog auditLog,
      @Value("${duban.demo.enabled:false}") boolean demo) {
    this.demo = demo;
    this.people = people;
    this.departments = departments;
    this.encoder = encoder;
    this.sync = sync;
    this.handover = handover;
    this.auditLog = auditLog;
  }

  /**
   * People matching all given filters (blank ones ignored): active first, then by department and
   * name.
   */
  @Transactional(readOnly = true)
  public List<Person> search(String words, Long departmentId, Role role) {
    String needle = words == null ? "" : words.strip().toLowerCase(Locale.ROOT);
    return people.findAll().stream()
        .filter(
            p ->
                needle.isEmpty()
                    || p.getFullName().toLowerCase(Locale.ROOT).contains(needle)
                    || p.getUsername().toLowerCase(Locale.ROOT).contains(needle))
        .filter(
            p ->
                departmentId == null
                    || (p.getDepartment() != null
                        && departmentId.equals(p.getDepartment().getId())))
        .filter(p -> role == null || p.has(role))
        .sorted(
            Comparator.comparing((Person p) -> !p.isActive())
                .thenComparing(p -> p.getDepartment() == null ? 0L : p.getDepartment().getId())
                .thenComparing(Person::getId))
        .toList();
  }

  @Transactional(readOnly = true)
  public Person get(Long id) {
    return people.findById(id).orElseThrow(NotFound::new);
  }

  @Transactional
  public PersonView create(PersonForm form) {
    List<UserError> problems = new ArrayList<>();
    String username = form.getUsername();
    if (username.isEmpty()) {
      problems.add(new UserError("people.username.missing"));
    } else if (!USERNAME.matcher(username).matches()) {
      problems.add(new UserError("people.username.invalid"));
    } else if (people.existsByUsernameIgnoreCase(username)) {
      problems.add(new UserError("people.username.taken", username));
    }
    Department department = checkDetails(form, problems, false);
    problems.addAll(PasswordRules.check(username, form.getPassword()));
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Person person =
        people.save(
            new Person(
                username,
                form.getFullName(),
                blankToNull(form.getTitle()),
                encoder.encode(form.getPassword()),
                department,
                form.roleSet()));
    sync.syncPerson(person);
    auditLog.record("person.create", "person", username, null, Snapshots.of(person));
    return PersonView.of(person);
  }

  /**
   * Name, title, department and roles; a move hands the person's open tasks to the old department's
   * head.
   */
  @Transactional
  public Person update(Long id, PersonForm form) {
    Person person = get(id);
    if (!person.isActive()) {
      throw new UserError("people.inactive", person.getFullName());
    }
    List<UserError> problems = new ArrayList<>();
    // the first admin (FirstAdmin) has no department and may keep it that way
    Department department = checkDetails(form, problems, person.getDepartment() == null);
    Set<Role> roles = form.roleSet();
    if (person.has(Role.ADMIN) && !roles.contains(Role.ADMIN) && isLastAdmin(person)) {
      problems.add(new UserError("people.lastAdmin"));
    }
    Department from = person.getDepartment();
    boolean moves = !Objects.equals(idOf(from), idOf(department));
    if (!moves && from != null && !roles.contains(Role.DEPT_HEAD) && leads(from, person)) {
      // a named head or deputy without the role could neither sign nor see the heads' pages
      problems.add(
          new UserError("people.roles.headNeedsRole", person.getFullName(), from.getName()));
    }
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Snapshots.PersonSnapshot before = Snapshots.of(person);
    person.update(form.getFullName(), blankToNull(form.getTitle()), department, roles);
    if (moves) {
      handover.handOver(person, from, Reason.MOVE);
      leaveLead(person, from);
    }
    sync.syncPerson(person);
    auditLog.record("person.update", "person", person.getUsername(), before, Snapshots.of(person));
    return person;
  }

  /**
   * The person leaves: cannot log in, is in no Camunda group, and their open tasks are handed over.
   */
  @Transactional
  public Person deactivate(Long id, String actingUsername) {
    Person person = get(id);
    if (!person.isActive()) {
      return person;
    }
    if (person.getUsername().equals(actingUsername)) {
      throw new UserError("people.deactivate.self");
    }
    if (person.has(Role.ADMIN) && isLastAdmin(person)) {
      throw new UserError("people.lastAdmin");
    }
    Snapshots.PersonSnapshot before = Snapshots.of(person);
    person.deactivate();
    handover.handOver(person, person.getDepartment(), Reason.DEACTIVATE);
    leaveLead(person, person.getDepartment());
    sync.syncPerson(person);
    auditLog.record(
        "person.deactivate", "person", person.getUsername(), before, Snapshots.of(person));
    return person;
  }

  /**
   * The person comes back (返聘、复岗): can log in again, in their department's and roles' Camunda
   * groups again. Their department must be in use; a head's or deputy's place is not given back
   * (the department names its leaders anew on its page).
   */
  @Transactional
  public Person reactivate(Long id) {
    Person person = get(id);
    if (person.isActive()) {
      return person;
    }
    Department department = person.getDepartment();
    if (department != null && !department.isActive()) {
      throw new UserError(
          "people.reactivate.departmentInactive", person.getFullName(), department.getName());
    }
    Snapshots.PersonSnapshot before = Snapshots.of(person);
    person.reactivate();
    sync.syncPerson(person);
    auditLog.record(
        "person.reactivate", "person", person.getUsername(), before, Snapshots.of(person));
    return person;
  }

  /** An admin sets a new password for someone who forgot theirs. */
  @Transactional
  public void resetPassword(Long id, String password) {
    Person person = get(id);
    List<UserError> problems = PasswordRules.check(person.getUsername(), password);
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    person.changePasswordHash(encoder.encode(password));
    if (!demo) {
      // an admin revives a closed demo account with a password of their own; while the demo runs a
      // demo account stays one whatever its password (a visitor's choice must not outlive the demo)
      person.leaveDemo();
    }
    sync.syncPerson(person);
    auditLog.record("person.password-reset", "person", person.getUsername(), null, null);
  }

  /** Everyone's own change, with the old password. */
  @Transactional
  public void changeOwnPassword(
      String username, String oldPassword, String newPassword, String repeated) {
    Person person =
        people.findByUsername(username).filter(Person::isActive).orElseThrow(NotFound::new);
    List<UserError> problems = new ArrayList<>();
    if (oldPassword == null || !encoder.matches(oldPassword, person.getPasswordHash())) {
      problems.add(new UserError(OLD_PASSWORD_WRONG));
    }
    problems.addAll(PasswordRules.check(username, newPassword));
    if (newPassword != null && !newPassword.equals(repeated)) {
      problems.add(new UserError("people.password.mismatch"));
    }
    if (problems.isEmpty() && newPassword.equals(oldPassword)) {
      problems.add(new UserError("people.password.unchanged"));
    }
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    person.changePasswordHash(encoder.encode(newPassword));
    sync.syncPerson(person);
    auditLog.record("person.password-change", "person", username, null, null);
  }

  private Department checkDetails(PersonForm form, List<UserError> problems, boolean mayHaveNone) {
    if (form.getFullName().isEmpty()) {
      problems.add(new UserError("people.fullName.missing"));
    } else if (form.getFullName().length() > MAX_NAME) {
      problems.add(new UserError("people.fullName.tooLong", MAX_NAME));
    }
    if (form.getTitle().length() > MAX_NAME) {
      problems.add(new UserError("people.title.tooLong", MAX_NAME));
    }
    if (form.roleSet().isEmpty()) {
      problems.add(new UserError("people.roles.missing"));
    }
    if (form.getDepartmentId() == null) {
      if (mayHaveNone) {
        return null;
      }
      problems.add(new UserError("people.department.missing"));
      return null;
    }
    Department department =
        departments.findById(form.getDepartmentId()).filter(Department::isActive).orElse(null);
    if (department == null) {
      problems.add(new UserError("people.department.invalid"));
    }
    return department;
  }

  /** A head or deputy who moves away or leaves no longer leads the department. */
  private void leaveLead(Person person, Department from) {
    if (from == null) {
      return;
    }
    Snapshots.DepartmentSnapshot before = Snapshots.of(from, people);
    if (from.removeFromLead(person.getId())) {
      auditLog.record(
          "department.head", "department", from.getCode(), before, Snapshots.of(from, people));
    }
  }

  private static boolean leads(Department department, Person person) {
    return person.getId().equals(department.getHeadPersonId())
        || department.getDeputyIds().contains(person.getId());
  }

  private boolean isLastAdmin(Person person) {
    return people.findActiveByRole(Role.ADMIN).stream()
        .allMatch(p -> p.getId().equals(person.getId()));
  }

  private static Long idOf(Department department) {
    return department == null ? null : department.getId();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
