package org.duban.org;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mirrors departments, roles and people into Camunda's identity tables, so that candidate groups,
 * Cockpit and Tasklist see the same organisation as Duban.
 */
@Service
public class EngineIdentitySync {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identityService;
  private final DepartmentRepository departments;

  EngineIdentitySync(IdentityService identityService, DepartmentRepository departments) {
    this.identityService = identityService;
    this.departments = departments;
  }

  /** Role groups, the Cockpit admin group and one group per department. */
  @Transactional
  public void syncGroups() {
    for (Role role : Role.values()) {
      ensureGroup(
          role.groupId(),
          MessageText.of("people.engineGroup.role", role.name()).in(MessageTexts.DEFAULT),
          "ROLE");
    }
    // stored once in the engine for everyone (Cockpit shows them): in the hospital's language
    ensureGroup(
        "camunda-admin",
        MessageText.of("people.engineGroup.camundaAdmin").in(MessageTexts.DEFAULT),
        "SYSTEM");
    for (Department department : departments.findAll()) {
      ensureGroup(department.groupId(), department.getName(), "DEPARTMENT");
    }
  }

  /**
   * The person's engine user (name, department) and group memberships. Never a password: Duban's
   * log-in checks the BCrypt hash in {@code person} and signs Cockpit on through Spring Security,
   * so a password in the engine's user table would only be a second, weaker copy (the engine hashes
   * with salted SHA-512) for anyone who reads the database. An engine user gets the hash of a
   * random secret nobody keeps instead (V20 cleared the passwords written before): with no hash at
   * all the engine's own check ({@code /engine-rest/identity/verify}) fails with an error instead
   * of "no".
   */
  @Transactional
  public void syncPerson(Person person) {
    User user = identityService.createUserQuery().userId(person.getUsername()).singleResult();
    if (user == null) {
      user = identityService.newUser(person.getUsername());
    }
    if (user.getPassword() == null) {
      user.setPassword(unusablePassword());
    }
    user.setFirstName(person.getFullName());
    user.setLastName(person.getDepartment() == null ? "" : person.getDepartment().getName());
    identityService.saveUser(user);

    Set<String> wanted = person.isActive() ? person.groupIds() : Set.of();
    Set<String> current = new HashSet<>();
    identityService
        .createGroupQuery()
        .groupMember(person.getUsername())
        .list()
        .forEach(group -> current.add(group.getId()));
    for (String groupId : wanted) {
      if (!current.contains(groupId)) {
        identityService.createMembership(person.getUsername(), groupId);
      }
    }
    for (String groupId : current) {
      if (!wanted.contains(groupId)) {
        identityService.deleteMembership(person.getUsername(), groupId);
      }
    }
  }

  /**
   * Kept so that callers written before passwords left the engine still compile; the password is
   * ignored.
   *
   * @deprecated use {@link #syncPerson(Person)}
   */
  @Deprecated
  @Transactional
  public void syncPerson(Person person, String ignoredPassword) {
    syncPerson(person);
  }

  /**
   * Gives every engine user without a password hash (those V20 cleared) one of a random secret, so
   * that the engine's own check answers "no" rather than failing; at start, once the engine is up.
   */
  @Transactional
  public void closeEnginePasswords() {
    for (User user : identityService.createUserQuery().list()) {
      if (user.getPassword() == null) {
        user.setPassword(unusablePassword());
        identityService.saveUser(user);
      }
    }
  }

  /** 256 random bits, hashed by the engine and forgotten: a password nobody has. */
  private static String unusablePassword() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }
}
