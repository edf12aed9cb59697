package org.duban.org;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Department {

  /** Prefix of the Camunda group that holds a department's members. */
  public static final String GROUP_PREFIX = "dept_";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String name;
  private String shortName;

  @Enumerated(EnumType.STRING)
  private DepartmentKind kind;

  private boolean active = true;

  protected Department() {}

  public Department(String code, String name, String shortName, DepartmentKind kind) {
    this.code = code;
    this.name = name;
    this.shortName = shortName;
    this.kind = kind;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getShortName() {
    return shortName;
  }

  public DepartmentKind getKind() {
    return kind;
  }

  public boolean isActive() {
    return active;
  }

  /** The Camunda group id of this department's members. */
  public String groupId() {
    return GROUP_PREFIX + code;
  }
}
