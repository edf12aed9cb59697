package org.duban.orgadmin;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.audit.AuditLog;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.org.Department;
import org.duban.org.DepartmentAlias;
import org.duban.org.DepartmentAliasRepository;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.EngineIdentitySync;
import org.duban.org.NameKey;
import org.duban.org.Person;
import org.duban.org.PersonAlias;
import org.duban.org.PersonAliasRepository;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names a hospital's own tables use (issue 15): aliases of departments (医务科 for 医务部) and of
 * leaders, kept by an admin or remembered from the import's name screen, and departments and
 * leaders created from a table's names. Every change is checked first (refused with {@link
 * UserError}, nothing written) and audited.
 */
@Service
public class HospitalNames {

  static final int MAX_ALIAS = 100;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final DepartmentAliasRepository departmentAliases;
  private final PersonAliasRepository personAliases;
  private final DepartmentAdmin departmentAdmin;
  private final PasswordEncoder encoder;
  private final EngineIdentitySync sync;
  private final AuditLog auditLog;

  HospitalNames(
      DepartmentRepository departments,
      PersonRepository people,
      DepartmentAliasRepository departmentAliases,
      PersonAliasRepository personAliases,
      DepartmentAdmin departmentAdmin,
      PasswordEncoder encoder,
      EngineIdentitySync sync,
      AuditLog auditLog) {
    this.departments = departments;
    this.people = people;
    this.departmentAliases = departmentAliases;
    this.personAliases = personAliases;
    this.departmentAdmin = departmentAdmin;
    this.encoder = encoder;
    this.sync = sync;
    this.auditLog = auditLog;
  }

  @Transactional(readOnly = true)
  public List<DepartmentAlias> aliasesOf(Long departmentId) {
    return departmentAliases.findByDepartmentIdOrderByAliasAsc(departmentId);
  }

  /** Department id by alias key ({@link NameKey}). */
  @Transactional(readOnly = true)
  public Map<String, Long> departmentAliasKeys() {
    Map<String, Long> keys = new LinkedHashMap<>();
    departmentAliases.findAll().forEach(a -> keys.put(a.getAliasKey(), a.getDepartmentId()));
    return keys;
  }

  /** Person id by alias key ({@link NameKey}). */
  @Transactional(readOnly = true)
  public Map<String, Long> personAliasKeys() {
    Map<String, Long> keys = new LinkedHashMap<>();
    personAliases.findAll().forEach(a -> keys.put(a.getAliasKey(), a.getPersonId()));
    return keys;
  }

  /** What would keep the alias from naming this department; empty when it may. */
  @Transactional(readOnly = true)
  public List<UserError> checkDepartmentAlias(Long departmentId, String alias) {
    List<UserError> problems = new ArrayList<>();
    String text = alias == null ? "" : alias.strip();
    Department department =
        departmentId == null
            ? null
            : departments.findById(departmentId).filter(Department::isActive).orElse(null);
    if (department == null) {
      problems.add(new UserError("alias.department.invalid"));
    }
    if (!checkText(text, problems) || department == null) {
      return problems;
    }
    String key = NameKey.of(text);
    departments.findAll().stream()
        .filter(d -> NameKey.of(d.getName()).equals(key))
        .findFirst()
        .ifPresent(d -> problems.add(new UserError("alias.isDepartmentName", text, d.getName())));
    departmentAliases
        .findByAliasKey(key)
        .ifPresent(
            existing -> {
              if (existing.getDepartmentId().equals(department.getId())) {
                problems.add(new UserError("alias.exists", text, department.getName()));
              } else {
                problems.add(
                    new UserError("alias.taken", text, departmentName(existing.getDepartmentId())));
              }
            });
    return problems;
  }

  @Transactional
  public DepartmentAlias addDepartmentAlias(Long departmentId, String alias, String by) {
    List<UserError> problems = checkDepartmentAlias(departmentId, alias);
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Department department = departmentAdmin.get(departmentId);
    DepartmentAlias saved =
        departmentAliases.save(
            new DepartmentAlias(departmentId, alias.strip(), by, EngineClock.now()));
    auditLog.record(
        "department.alias-add",
        "department",
        department.getCode(),
        null,
        Map.of("alias", saved.getAlias(), "department", department.getName()));
    return saved;
  }

  @Transactional
  public void removeDepartmentAlias(Long departmentId, Long aliasId) {
    DepartmentAlias alias =
        departmentAliases
            .findById(aliasId)
            .filter(a -> a.getDepartmentId().equals(departmentId))
            .orElseThrow(NotFound::new);
    Department department = departmentAdmin.get(departmentId);
    departmentAliases.delete(alias);
    auditLog.record(
        "department.alias-remove",
        "department",
        department.getCode(),
        Map.of("alias", alias.getAlias(), "department", department.getName()),
        null);
  }

  @Transactional(readOnly = true)
  public List<PersonAlias> aliasesOfPerson(Long personId) {
    return personAliases.findByPersonIdOrderByAliasAsc(personId);
  }

  @Transactional
  public void removeLeaderAlias(Long personId, Long aliasId) {
    PersonAlias alias =
        personAliases
            .findById(aliasId)
            .filter(a -> a.getPersonId().equals(personId))
            .orElseThrow(NotFound::new);
    Person person = people.findById(personId).orElseThrow(NotFound::new);
    personAliases.delete(alias);
    auditLog.record(
        "person.alias-remove",
        "person",
        person.getUsername(),
        Map.of("alias", alias.getAlias(), "person", person.getFullName()),
        null);
  }

  /** What would keep the alias from naming this leader; empty when it may. */
  @Transactional(readOnly = true)
  public List<UserError> checkLeaderAlias(Long personId, String alias) {
    List<UserError> problems = new ArrayList<>();
    String text = alias == null ? "" : alias.strip();
    Person person =
        personId == null
            ? null
            : people
                .findById(personId)
                .filter(p -> p.isActive() && p.has(Role.LEADER))
                .orElse(null);
    if (person == null) {
      problems.add(new UserError("alias.leader.invalid"));
    }
    if (!checkText(text, problems) || person == null) {
      return problems;
    }
    String key = NameKey.of(text);
    // the name of one leader finds them by name first; the name of several may be given to one of
    // them
    List<Person> named =
        people.findActiveByRole(Role.LEADER).stream()
            .filter(p -> NameKey.of(p.getFullName()).equals(key))
            .toList();
    if (named.size() == 1) {
      problems.add(new UserError("alias.isLeaderName", text, named.get(0).getFullName()));
    }
    personAliases
        .findByAliasKey(key)
        .ifPresent(
            existing -> {
              if (existing.getPersonId().equals(person.getId())) {
                problems.add(new UserError("alias.exists", text, person.getFullName()));
              } else {
                problems.add(
                    new UserError(
                        "alias.taken",
                        text,
                        people
                            .findById(existing.getPersonId())
                            .map(Person::getFullName)
                            .orElse("?")));
              }
            });
    return problems;
  }

  @Transactional
  public PersonAlias addLeaderAlias(Long personId, String alias, String by) {
    List<UserError> problems = checkLeaderAlias(personId, alias);
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Person person = people.findById(personId).orElseThrow(NotFound::new);
    PersonAlias saved =
        personAliases.save(new PersonAlias(personId, alias.strip(), by, EngineClock.now()));
    auditLog.record(
        "person.alias-add",
        "person",
        person.getUsername(),
        null,
        Map.of("alias", saved.getAlias(), "person", person.getFullName()));
    return saved;
  }

  /** What would keep a department of this name from being created; empty when it may. */
  @Transactional(readOnly = true)
  public List<UserError> checkNewDepartment(String name) {
    List<UserError> problems = new ArrayList<>();
    String text = name == null ? "" : name.strip();
    if (text.isEmpty()) {
      problems.add(new UserError("department.name.missing"));
    } else if (text.length() > DepartmentAdmin.MAX_NAME) {
      problems.add(new UserError("department.name.tooLong", DepartmentAdmin.MAX_NAME));
    } else if (departments.findAll().stream()
        .anyMatch(d -> NameKey.of(d.getName()).equals(NameKey.of(text)))) {
      problems.add(new UserError("department.name.taken", text));
    }
    return problems;
  }

  /**
   * A functional department of this name, with a code of its own (imp1, imp2…), through the admin's
   * own creation so that its Camunda group and audit entry are as for any other.
   */
  @Transactional
  public Department createDepartment(String name) {
    List<UserError> problems = checkNewDepartment(name);
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    DepartmentForm form = new DepartmentForm();
    form.setCode(freeCode());
    form.setName(name);
    form.setKind(DepartmentKind.FUNCTIONAL.name());
    return departmentAdmin.get(departmentAdmin.create(form).id());
  }

  /** What would keep a leader of this name and title from being created; empty when it may. */
  public List<UserError> checkNewLeader(String fullName, String title) {
    List<UserError> problems = new ArrayList<>();
    String name = fullName == null ? "" : fullName.strip();
    if (name.isEmpty()) {
      problems.add(new UserError("people.fullName.missing"));
    } else if (name.length() > PeopleAdmin.MAX_NAME) {
      problems.add(new UserError("people.fullName.tooLong", PeopleAdmin.MAX_NAME));
    }
    if (title != null && title.strip().length() > PeopleAdmin.MAX_NAME) {
      problems.add(new UserError("people.title.tooLong", PeopleAdmin.MAX_NAME));
    }
    return problems;
  }

  /**
   * A person with the role LEADER, in the hospital's leadership department (院领导) if it has one,
   * with a user name of their own (leader1, leader2…) and no password anyone knows: the hash of a
   * random secret nobody keeps, as for the engine's users. They log in once an admin has set a
   * password for them on the people page.
   */
  @Transactional
  public Person createLeader(String fullName, String title) {
    List<UserError> problems = checkNewLeader(fullName, title);
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    Department leadership =
        departments.findByActiveTrueOrderByIdAsc().stream()
            .filter(d -> d.getKind() == DepartmentKind.LEADERSHIP)
            .findFirst()
            .orElse(null);
    String cleanTitle = title == null || title.isBlank() ? null : title.strip();
    Person person =
        people.save(
            new Person(
                freeUsername(),
                fullName.strip(),
                cleanTitle,
                encoder.encode(unknownSecret()),
                leadership,
                EnumSet.of(Role.LEADER)));
    sync.syncPerson(person);
    auditLog.record("person.create", "person", person.getUsername(), null, Snapshots.of(person));
    return person;
  }

  private boolean checkText(String text, List<UserError> problems) {
    if (text.isEmpty() || NameKey.of(text).isEmpty()) {
      problems.add(new UserError("alias.missing"));
      return false;
    }
    if (text.length() > MAX_ALIAS) {
      problems.add(new UserError("alias.tooLong", MAX_ALIAS));
      return false;
    }
    return true;
  }

  private String departmentName(Long id) {
    return departments.findById(id).map(Department::getName).orElse("?");
  }

  private String freeCode() {
    List<String> codes =
        departments.findAll().stream().map(d -> d.getCode().toLowerCase()).toList();
    int n = 1;
    while (codes.contains("imp" + n)) {
      n++;
    }
    return "imp" + n;
  }

  private String freeUsername() {
    int n = 1;
    while (people.existsByUsernameIgnoreCase("leader" + n)) {
      n++;
    }
    return "leader" + n;
  }

  private static String unknownSecret() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }
}
