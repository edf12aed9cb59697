package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.duban.RunningAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's grants: made at start, again without duplicates, and for tasks open before them. */
@RunningAppTest
class EngineAuthorizationsTest {

  @Autowired EngineAuthorizations engineAuthorizations;
  @Autowired AuthorizationService authorizationService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine engine;

  @Test
  void theInternalGroupMayDoEverythingAndIsAnEngineAdminGroup() {
    // Given the grants made at start, When they are made again
    engineAuthorizations.grantDubanRights();

    // Then the internal group and camunda-admin hold one grant of everything per resource, no more
    for (String group : List.of(EngineAuthorizations.DUBAN_APP_GROUP, "camunda-admin")) {
      List<Authorization> grants =
          authorizationService.createAuthorizationQuery().groupIdIn(group).resourceId(ANY).list();
      assertThat(grants).as(group).hasSize(Resources.values().length);
      assertThat(grants)
          .allSatisfy(g -> assertThat(g.isPermissionGranted(Permissions.ALL)).isTrue());
    }
    // and the engine skips its checks for the internal group, as for camunda-admin
    assertThat(
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                    engine.getProcessEngineConfiguration())
                .getAdminGroups())
        .contains(EngineAuthorizations.DUBAN_APP_GROUP, "camunda-admin");
    // and leaders read tasks everywhere but may not update them
    Authorization leaders =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn("role_leader")
            .resourceType(Resources.TASK)
            .resourceId(ANY)
            .singleResult();
    assertThat(leaders.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(leaders.isPermissionGranted(Permissions.UPDATE)).isFalse();
  }

  @Test
  void tasksOpenBeforeAuthorizationsGetTheirCandidatesGrantsOnce() {
    // Given a task of 护理部 whose grants are missing, as in a database from before authorizations
    Task task = taskService.newTask();
    task.setName("授权前的任务");
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), "dept_tnursing");
    authorizationService
        .createAuthorizationQuery()
        .resourceType(Resources.TASK)
        .resourceId(task.getId())
        .list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    managementService.deleteProperty(EngineAuthorizations.TASKS_GRANTED_PROPERTY);
    try {
      // When the start-up grants run
      engineAuthorizations.grantOpenTasksOnce();

      // Then the candidate group may read and update the task, and the work is marked done
      Authorization grant =
          authorizationService
              .createAuthorizationQuery()
              .groupIdIn("dept_tnursing")
              .resourceType(Resources.TASK)
              .resourceId(task.getId())
              .singleResult();
      assertThat(grant).isNotNull();
      assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
      assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isTrue();
      assertThat(managementService.getProperties())
          .containsKey(EngineAuthorizations.TASKS_GRANTED_PROPERTY);

      // When they run again, Then nothing is granted twice
      authorizationService.deleteAuthorization(grant.getId());
      engineAuthorizations.grantOpenTasksOnce();
      assertThat(authorizationService.createAuthorizationQuery().resourceId(task.getId()).count())
          .isZero();
    } finally {
      taskService.deleteTask(task.getId(), true);
      managementService.setProperty(EngineAuthorizations.TASKS_GRANTED_PROPERTY, "true");
    }
  }
}
