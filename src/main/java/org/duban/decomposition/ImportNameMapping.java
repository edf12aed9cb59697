package org.duban.decomposition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duban.decomposition.UnmatchedNames.Name;
import org.duban.infrastructure.UserError;
import org.duban.org.Department;
import org.duban.org.DepartmentAliasRepository;
import org.duban.org.DepartmentRepository;
import org.duban.org.NameKey;
import org.duban.org.Person;
import org.duban.org.PersonAliasRepository;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.orgadmin.HospitalNames;
import org.duban.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import's name screen (issue 15): per distinct name of the table that matches nothing, map it
 * to an existing department or leader (remembered as an other name, so the next table resolves it
 * without asking) or create it. Whoever may import the book may map; creating departments and
 * people is an admin's right, as on the admin pages. All choices are checked before any is written,
 * and written in one transaction; the plan is then made again from the stored file.
 */
@Service
class ImportNameMapping {

  private static final Logger log = LoggerFactory.getLogger(ImportNameMapping.class);

  /** A department or leader the screen offers to map a name to. */
  record Option(Long id, String label) {}

  /**
   * What the screen shows: the names to decide, what they may be mapped to, and whether creating is
   * offered.
   */
  record NameScreen(
      List<Name> departments,
      List<Name> leaders,
      List<Option> departmentOptions,
      List<Option> leaderOptions,
      boolean canCreate) {

    boolean isEmpty() {
      return departments.isEmpty() && leaders.isEmpty();
    }
  }

  private final DecompositionImportService imports;
  private final HospitalDirectories directories;
  private final HospitalNames names;
  private final DepartmentAliasRepository departmentAliases;
  private final PersonAliasRepository personAliases;
  private final DepartmentRepository departments;
  private final PersonRepository people;

  ImportNameMapping(
      DecompositionImportService imports,
      HospitalDirectories directories,
      HospitalNames names,
      DepartmentAliasRepository departmentAliases,
      PersonAliasRepository personAliases,
      DepartmentRepository departments,
      PersonRepository people) {
    this.imports = imports;
    this.directories = directories;
    this.names = names;
    this.departmentAliases = departmentAliases;
    this.personAliases = personAliases;
    this.departments = departments;
    this.people = people;
  }

  /** The screen for a plan; empty when every name resolves. */
  @Transactional(readOnly = true)
  public NameScreen screen(ImportPlan plan, CurrentUser user) {
    HospitalDirectory directory = directories.load();
    UnmatchedNames unmatched = UnmatchedNames.of(plan, directory);
    if (unmatched.isEmpty()) {
      return new NameScreen(List.of(), List.of(), List.of(), List.of(), false);
    }
    List<Option> departmentOptions =
        directory.departments().stream().map(d -> new Option(d.getId(), d.getName())).toList();
    List<Option> leaderOptions =
        directory.leaders().stream().map(ImportNameMapping::leaderOption).toList();
    return new NameScreen(
        unmatched.departments(),
        unmatched.leaders(),
        departmentOptions,
        leaderOptions,
        user.has(Role.ADMIN));
  }

  /**
   * Applies the choices made for the stored upload's unmatched names, all or none.
   *
   * @return how many names were decided
   * @throws UserError when any choice cannot be made; nothing is written
   */
  @Transactional
  public int apply(Long bookId, Long uploadId, NameMappingForm form, CurrentUser user) {
    DecompositionImportService.Planned planned = imports.planned(bookId, uploadId, user);
    UnmatchedNames unmatched = UnmatchedNames.of(planned.plan(), planned.directory());
    boolean admin = user.has(Role.ADMIN);

    List<UserError> problems = new ArrayList<>();
    Set<String> decided = new HashSet<>();
    Set<String> newNames = new HashSet<>();
    int chosen = 0;
    for (NameMappingForm.Entry entry : form.getDepartments()) {
      if (!entry.chosen()) {
        continue;
      }
      chosen++;
      String text = entry.getText();
      if (unmatched.department(text).isEmpty()) {
        problems.add(problem(text, "decomposition.names.notInTable", text));
      } else if (!decided.add("d:" + NameKey.of(text))) {
        problems.add(problem(text, "decomposition.names.twice", text));
      } else if (entry.creates()) {
        if (!admin) {
          problems.add(problem(text, "decomposition.names.createNeedsAdmin", text));
          continue;
        }
        String name = entry.getName();
        names
            .checkNewDepartment(name)
            .forEach(p -> problems.add(UserError.at(text, p.key(), p.args())));
        if (!name.isEmpty() && !newNames.add("d:" + NameKey.of(name))) {
          problems.add(problem(text, "decomposition.names.createdTwice", name));
        }
        if (!NameKey.of(name).equals(NameKey.of(text))) {
          departmentAliases
              .findByAliasKey(NameKey.of(text))
              .ifPresent(
                  a ->
                      problems.add(
                          problem(text, "alias.taken", text, departmentName(a.getDepartmentId()))));
        }
      } else if (entry.targetId() == null) {
        problems.add(problem(text, "decomposition.names.unknownDepartment", text));
      } else {
        List<UserError> aliasProblems = names.checkDepartmentAlias(entry.targetId(), text);
        aliasProblems.stream()
            .map(
                p ->
                    p.key().equals("alias.department.invalid")
                        ? new UserError("decomposition.names.unknownDepartment", text)
                        : p)
            .forEach(p -> problems.add(UserError.at(text, p.key(), p.args())));
      }
    }
    for (NameMappingForm.Entry entry : form.getLeaders()) {
      if (!entry.chosen()) {
        continue;
      }
      chosen++;
      String text = entry.getText();
      if (unmatched.leader(text).isEmpty()) {
        problems.add(problem(text, "decomposition.names.notInTable", text));
      } else if (!decided.add("l:" + NameKey.of(text))) {
        problems.add(problem(text, "decomposition.names.twice", text));
      } else if (entry.creates()) {
        if (!admin) {
          problems.add(problem(text, "decomposition.names.createNeedsAdmin", text));
          continue;
        }
        names
            .checkNewLeader(entry.getName(), entry.getTitle())
            .forEach(p -> problems.add(UserError.at(text, p.key(), p.args())));
        if (needsAlias(text, entry.getName(), entry.getTitle())) {
          personAliases
              .findByAliasKey(NameKey.of(text))
              .ifPresent(
                  a ->
                      problems.add(
                          problem(text, "alias.taken", text, personName(a.getPersonId()))));
        }
      } else if (entry.targetId() == null) {
        problems.add(problem(text, "decomposition.names.unknownLeader", text));
      } else {
        names.checkLeaderAlias(entry.targetId(), text).stream()
            .map(
                p ->
                    p.key().equals("alias.leader.invalid")
                        ? new UserError("decomposition.names.unknownLeader", text)
                        : p)
            .forEach(p -> problems.add(UserError.at(text, p.key(), p.args())));
      }
    }
    if (chosen == 0) {
      problems.add(problem("", "decomposition.names.nothingChosen"));
    }
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }

    // every choice is sound: write them, all in this transaction
    String by = user.getUsername();
    for (NameMappingForm.Entry entry : form.getDepartments()) {
      if (!entry.chosen()) {
        continue;
      }
      if (entry.creates()) {
        Department created = names.createDepartment(entry.getName());
        if (!NameKey.of(created.getName()).equals(NameKey.of(entry.getText()))) {
          names.addDepartmentAlias(created.getId(), entry.getText(), by);
        }
      } else {
        names.addDepartmentAlias(entry.targetId(), entry.getText(), by);
      }
    }
    for (NameMappingForm.Entry entry : form.getLeaders()) {
      if (!entry.chosen()) {
        continue;
      }
      if (entry.creates()) {
        Person created = names.createLeader(entry.getName(), entry.getTitle());
        if (needsAlias(entry.getText(), entry.getName(), entry.getTitle())) {
          names.addLeaderAlias(created.getId(), entry.getText(), by);
        }
      } else {
        names.addLeaderAlias(entry.targetId(), entry.getText(), by);
      }
    }
    log.info(
        "decomposition upload {} of book {}: {} names decided by {}", uploadId, bookId, chosen, by);
    return chosen;
  }

  /** A new leader is found by the table's text without an alias when it is their name or title. */
  private static boolean needsAlias(String text, String fullName, String title) {
    String key = NameKey.of(text);
    return !key.equals(NameKey.of(fullName)) && !key.equals(NameKey.of(title));
  }

  private String departmentName(Long id) {
    return departments.findById(id).map(Department::getName).orElse("?");
  }

  private String personName(Long id) {
    return people.findById(id).map(Person::getFullName).orElse("?");
  }

  private static UserError problem(String name, String key, Object... args) {
    return UserError.at(name, key, args);
  }

  private static Option leaderOption(Person person) {
    String title =
        person.getTitle() == null || person.getTitle().isBlank()
            ? ""
            : "（" + person.getTitle() + "）";
    return new Option(person.getId(), person.getFullName() + title);
  }
}
