package org.duban.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.org.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's authorizations (camunda.bpm.authorization.enabled), matching Duban's rights. They
 * apply to the engine's REST API and the Camunda webapps, where a request carries the person's real
 * groups; Duban's own pages check rights themselves and act in the engine as members of the
 * internal group {@value #DUBAN_APP_GROUP}, which may do everything. Code without a signed-in
 * person (start-up, the job executor's timers and sweeps) is not checked at all, as the engine does
 * for an unauthenticated caller.
 *
 * <p>Granted at every start, adding what is missing and never taking anything away (an admin may
 * grant more in Camunda Admin):
 *
 * <ul>
 *   <li>{@code camunda-admin} and {@value #DUBAN_APP_GROUP}: everything on every resource;
 *   <li>leaders and the supervision office: read process definitions, their history, instances and
 *       tasks;
 *   <li>departments (and people): read and update the tasks where they are candidates or assignees.
 *       The engine grants these itself when a task gets a candidate group, a candidate user or an
 *       assignee (its {@code defaultUserPermissionForTask}, UPDATE, plus READ); tasks that were
 *       open before authorizations were switched on get the same grants once.
 * </ul>
 */
@Component
@Order(1)
public class EngineAuthorizations implements ApplicationRunner {

  /** The internal group of Duban's page requests; nobody is a member of it. */
  public static final String DUBAN_APP_GROUP = "duban-app";

  /** Set in the engine's properties once the tasks open before authorizations got their grants. */
  static final String TASKS_GRANTED_PROPERTY = "duban.authorization.open-tasks-granted";

  private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

  private final AuthorizationService authorizations;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final ProcessEngineConfigurationImpl configuration;

  EngineAuthorizations(ProcessEngine engine) {
    this.authorizations = engine.getAuthorizationService();
    this.identityService = engine.getIdentityService();
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * At start. Nodes starting together on one database may race to create the same grant (the
   * engine's unique key refuses the second): the loser tries again and finds it there.
   */
  @Override
  public void run(ApplicationArguments args) {
    for (int attempt = 1; ; attempt++) {
      try {
        grantDubanRights();
        grantOpenTasksOnce();
        return;
      } catch (ProcessEngineException e) {
        if (attempt == 3) {
          throw e;
        }
        log.warn(
            "Granting the engine's authorizations met a concurrent change ({}); trying again",
            e.getMessage());
      }
    }
  }

  /** The group grants above; idempotent. */
  public void grantDubanRights() {
    ensureGroup(
        DUBAN_APP_GROUP, MessageText.of("security.engineGroup.app").in(MessageTexts.DEFAULT));
    for (Resources resource : Resources.values()) {
      grant(DUBAN_APP_GROUP, resource, Permissions.ALL);
      grant(Groups.CAMUNDA_ADMIN, resource, Permissions.ALL);
    }
    for (Role role : List.of(Role.LEADER, Role.SUPERVISION)) {
      grant(
          role.groupId(),
          Resources.PROCESS_DEFINITION,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY);
      grant(role.groupId(), Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ);
      grant(role.groupId(), Resources.TASK, TaskPermissions.READ);
    }
  }

  /**
   * Gives the candidate groups, candidate users and assignees of the tasks open now the grants the
   * engine gives new tasks; once per database (a property in the engine's table says it was done).
   */
  public void grantOpenTasksOnce() {
    if (managementService.getProperties().containsKey(TASKS_GRANTED_PROPERTY)) {
      return;
    }
    Permission[] permissions = {Permissions.READ, configuration.getDefaultUserPermissionForTask()};
    int page = 500;
    int granted = 0;
    for (int first = 0; ; first += page) {
      List<Task> tasks = taskService.createTaskQuery().orderByTaskId().asc().listPage(first, page);
      for (Task task : tasks) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
          if (link.getGroupId() != null) {
            grant(link.getGroupId(), null, Resources.TASK, task.getId(), permissions);
            granted++;
          } else if (link.getUserId() != null) {
            grant(null, link.getUserId(), Resources.TASK, task.getId(), permissions);
            granted++;
          }
        }
      }
      if (tasks.size() < page) {
        break;
      }
    }
    managementService.setProperty(TASKS_GRANTED_PROPERTY, "true");
    log.info(
        "Granted the candidates and assignees of the open tasks their task rights ({} grants)",
        granted);
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("SYSTEM");
      identityService.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, Permission... permissions) {
    grant(groupId, null, resource, ANY, permissions);
  }

  private void grant(
      String groupId,
      String userId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    var query =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .resourceType(resource)
            .resourceId(resourceId);
    List<Authorization> existing =
        groupId != null ? query.groupIdIn(groupId).list() : query.userIdIn(userId).list();
    Authorization authorization;
    if (existing.isEmpty()) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setUserId(userId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else {
      authorization = existing.get(0);
    }
    List<Permission> missing = new ArrayList<>();
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        missing.add(permission);
      }
    }
    if (!missing.isEmpty() || authorization.getId() == null) {
      missing.forEach(authorization::addPermission);
      authorizations.saveAuthorization(authorization);
    }
  }
}
