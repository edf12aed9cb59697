package org.duban;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.duban.org.Department;
import org.duban.org.DepartmentHeads;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A small hospital for Spring tests: who is who, created once per context. */
@Component
public class TestHospital {

  public static final String PASSWORD = "test-secret";

  private static volatile String passwordHash;

  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final PasswordEncoder encoder;
  private final EngineIdentitySync sync;
  private final UserDetailsService users;
  private final DepartmentHeads heads;
  private final Map<String, Department> byCode = new HashMap<>();

  TestHospital(
      DepartmentRepository departments,
      PersonRepository people,
      PasswordEncoder encoder,
      EngineIdentitySync sync,
      UserDetailsService users,
      DepartmentHeads heads) {
    this.departments = departments;
    this.people = people;
    this.encoder = encoder;
    this.sync = sync;
    this.users = users;
    this.heads = heads;
  }

  @Transactional
  public synchronized TestHospital ensure() {
    if (departments.findByCode("tmedical").isPresent()) {
      departments.findAll().forEach(d -> byCode.put(d.getCode(), d));
      return this;
    }
    for (String[] row :
        new String[][] {
          {"tleaders", "测试院领导", "LEADERSHIP"}, {"tsupervision", "测试督查室", "SUPERVISION"},
          {"tmedical", "测试医务部", "FUNCTIONAL"}, {"tnursing", "测试护理部", "FUNCTIONAL"},
          {"tit", "测试信息中心", "FUNCTIONAL"}
        }) {
      byCode.put(
          row[0],
          departments.save(new Department(row[0], row[1], null, DepartmentKind.valueOf(row[2]))));
    }
    sync.syncGroups();
    person("tleader", "测试书记", "tleaders", Role.LEADER);
    person("treviewer", "测试院长", "tleaders", Role.LEADER);
    person("tincharge", "测试分管院长", "tleaders", Role.LEADER);
    person("tducha", "测试督查", "tsupervision", Role.SUPERVISION);
    person("tmedhead", "测试医务主任", "tmedical", Role.DEPT_HEAD);
    person("tmedstaff", "测试医务干事", "tmedical", Role.STAFF);
    person("tnursehead", "测试护理主任", "tnursing", Role.DEPT_HEAD);
    person("tithead", "测试信息主任", "tit", Role.DEPT_HEAD);
    person("tadmin", "测试管理员", "tit", Role.ADMIN);
    // each department's DEPT_HEAD member becomes its named head, as migration V10 does
    heads.nameHeadsFromRoles();
    return this;
  }

  private void person(String username, String name, String department, Role role) {
    Person person =
        people.save(
            new Person(
                username, name, null, passwordHash(), byCode.get(department), EnumSet.of(role)));
    sync.syncPerson(person);
  }

  /**
   * One BCrypt hash of {@link #PASSWORD} for every person and every context of the JVM: a hash
   * takes a tenth of a second on purpose, and any BCrypt hash of the password lets its holder in.
   */
  private String passwordHash() {
    String hash = passwordHash;
    if (hash == null) {
      hash = encoder.encode(PASSWORD);
      passwordHash = hash;
    }
    return hash;
  }

  public Department department(String code) {
    return byCode.get(code);
  }

  public CurrentUser user(String username) {
    return (CurrentUser) users.loadUserByUsername(username);
  }

  public Long personId(String username) {
    return people.findByUsername(username).orElseThrow().getId();
  }
}
