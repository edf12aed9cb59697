package org.duban.orgadmin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.duban.org.PersonView;
import org.duban.org.Role;

/** What an admin types to create or edit a person; shown again after a refusal. */
public class PersonForm {

  private String username = "";
  private String fullName = "";
  private String title = "";
  private Long departmentId;
  private List<Role> roles = new ArrayList<>();

  /** The initial password, when creating; never shown again. */
  private String password = "";

  public static PersonForm of(PersonView person) {
    PersonForm form = new PersonForm();
    form.username = person.username();
    form.fullName = person.fullName();
    form.title = person.title() == null ? "" : person.title();
    form.departmentId = person.departmentId();
    form.roles = new ArrayList<>(person.roles());
    return form;
  }

  Set<Role> roleSet() {
    return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public boolean hasRole(Role role) {
    return roles != null && roles.contains(role);
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username == null ? "" : username.strip();
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName == null ? "" : fullName.strip();
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title == null ? "" : title.strip();
  }

  public Long getDepartmentId() {
    return departmentId;
  }

  public void setDepartmentId(Long departmentId) {
    this.departmentId = departmentId;
  }

  public List<Role> getRoles() {
    return roles;
  }

  public void setRoles(List<Role> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password == null ? "" : password;
  }
}
