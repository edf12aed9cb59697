package org.duban.security;

import java.util.Collection;
import java.util.Set;
import org.duban.audit.NamedActor;
import org.duban.org.Person;
import org.duban.org.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in person as Spring Security keeps it: the username, department and groups. */
public class CurrentUser extends User implements NamedActor {

  private final Long personId;
  private final String fullName;
  private final Long departmentId;
  private final Set<String> groupIds;
  private final Set<Role> roles;

  CurrentUser(Person person) {
    super(
        person.getUsername(),
        person.getPasswordHash(),
        person.isActive(),
        true,
        true,
        true,
        authorities(person));
    this.personId = person.getId();
    this.fullName = person.getFullName();
    this.departmentId = person.getDepartment() == null ? null : person.getDepartment().getId();
    this.groupIds = Set.copyOf(person.groupIds());
    this.roles = Set.copyOf(person.getRoles());
  }

  private static Collection<GrantedAuthority> authorities(Person person) {
    return person.groupIds().stream()
        .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(group))
        .toList();
  }

  public Long personId() {
    return personId;
  }

  @Override
  public String fullName() {
    return fullName;
  }

  public Long departmentId() {
    return departmentId;
  }

  public Set<String> groupIds() {
    return groupIds;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
