package org.duban.org;

/** What a person does in Duban; each role is also a Camunda group and a Spring authority. */
public enum Role {
  LEADER,
  SUPERVISION,
  DEPT_HEAD,
  STAFF,
  ADMIN;

  public String groupId() {
    return "role_" + name().toLowerCase();
  }

  public String messageKey() {
    return "role." + name();
  }
}
