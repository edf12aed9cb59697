package org.duban.org;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
public class Person {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;
  private String fullName;
  private String title;
  private String passwordHash;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "department_id")
  private Department department;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  private boolean active = true;

  /** Seeded by the demo hospital, with its published password (see org.duban.demo.DemoAccounts). */
  private boolean demoAccount;

  protected Person() {}

  public Person(
      String username,
      String fullName,
      String title,
      String passwordHash,
      Department department,
      Set<Role> roles) {
    this.username = username;
    this.fullName = fullName;
    this.title = title;
    this.passwordHash = passwordHash;
    this.department = department;
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getFullName() {
    return fullName;
  }

  public String getTitle() {
    return title;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Department getDepartment() {
    return department;
  }

  public Set<Role> getRoles() {
    return roles;
  }

  public boolean isActive() {
    return active;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Camunda groups of this person: one per role and the department's group. */
  public Set<String> groupIds() {
    return groupIds(roles, department == null ? null : department.getCode());
  }

  /** The Camunda groups of someone with these roles in the department with this code (or none). */
  public static Set<String> groupIds(Collection<Role> roles, String departmentCode) {
    Set<String> groups = new LinkedHashSet<>();
    roles.forEach(role -> groups.add(role.groupId()));
    if (departmentCode != null) {
      groups.add(Department.GROUP_PREFIX + departmentCode);
    }
    if (roles.contains(Role.ADMIN)) {
      groups.add("camunda-admin");
    }
    return groups;
  }

  /** A name for lists: "张伟（医务部）". */
  public String displayName() {
    return department == null ? fullName : fullName + "（" + department.getName() + "）";
  }

  /** An admin's edit: name, title, department and roles. */
  public void update(String fullName, String title, Department department, Set<Role> roles) {
    this.fullName = fullName;
    this.title = title;
    this.department = department;
    this.roles.clear();
    this.roles.addAll(roles);
  }

  /** Leaves the hospital: cannot log in, is in no Camunda group. */
  public void deactivate() {
    this.active = false;
  }

  /** Comes back: can log in again with the roles and department kept while away. */
  public void reactivate() {
    this.active = true;
  }

  /** Adds a role (e.g. DEPT_HEAD for someone named a department's head); whether it was missing. */
  public boolean grant(Role role) {
    return roles.add(role);
  }

  public void changePasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public boolean isDemoAccount() {
    return demoAccount;
  }

  /** Marks the person as one of the demo hospital's accounts. */
  public void markDemoAccount() {
    this.demoAccount = true;
  }

  /** The account stays as a real one (the first administrator taking over the demo's admin). */
  public void leaveDemo() {
    this.demoAccount = false;
  }
}
