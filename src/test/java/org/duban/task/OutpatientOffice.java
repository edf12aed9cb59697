package org.duban.task;

import java.util.EnumSet;
import java.util.List;
import org.duban.TestHospital;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department with a head, a deputy and a member of staff, for the task-rights tests: 测试门诊部
 * ({@code topd}) led by 王建国 ({@code opd.wang}, DEPT_HEAD) with 李秀英 ({@code opd.li}, STAFF by role,
 * named deputy), and 赵小红 ({@code opd.zhao}, STAFF). Log-ins differ visibly from names, so a page
 * that shows the log-in where it should show the name is caught.
 */
@Component
public class OutpatientOffice {

  public static final String CODE = "topd";
  public static final String HEAD = "opd.wang";
  public static final String HEAD_NAME = "王建国";
  public static final String DEPUTY = "opd.li";
  public static final String DEPUTY_NAME = "李秀英";
  public static final String STAFF = "opd.zhao";
  public static final String STAFF_NAME = "赵小红";

  private final TestHospital hospital;
  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final PasswordEncoder encoder;
  private final EngineIdentitySync sync;

  OutpatientOffice(
      TestHospital hospital,
      DepartmentRepository departments,
      PersonRepository people,
      PasswordEncoder encoder,
      EngineIdentitySync sync) {
    this.hospital = hospital;
    this.departments = departments;
    this.people = people;
    this.encoder = encoder;
    this.sync = sync;
  }

  /** Creates the department once; the test hospital is ensured first. */
  @Transactional
  public synchronized void ensure() {
    hospital.ensure();
    if (departments.findByCode(CODE).isPresent()) {
      return;
    }
    Department office =
        departments.save(new Department(CODE, "测试门诊部", null, DepartmentKind.FUNCTIONAL));
    sync.syncGroups();
    Person head = person(HEAD, HEAD_NAME, office, Role.DEPT_HEAD);
    Person deputy = person(DEPUTY, DEPUTY_NAME, office, Role.STAFF);
    person(STAFF, STAFF_NAME, office, Role.STAFF);
    office.lead(head.getId(), List.of(deputy.getId()));
    hospital.ensure();
  }

  private Person person(String username, String name, Department department, Role role) {
    Person person =
        people.save(
            new Person(
                username,
                name,
                null,
                encoder.encode(TestHospital.PASSWORD),
                department,
                EnumSet.of(role)));
    sync.syncPerson(person);
    return person;
  }
}
