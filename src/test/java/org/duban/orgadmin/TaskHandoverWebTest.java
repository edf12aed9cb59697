package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.org.Department;
import org.duban.org.Person;
import org.duban.org.Role;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A person moving department or leaving hands their open tasks on: nothing is left orphaned. */
class TaskHandoverWebTest extends PeopleTestSupport {

  @Autowired WorkTasks workTasks;

  @Test
  void aStaffMemberWhoMovesHandsTheirClaimedTaskToTheOldDepartmentsHead() throws Exception {
    // Given a new member of 测试医务部 who holds the department's claim task of an item (claimed before
    // claiming was the head's and deputies' only, TaskAccess: so straight in the engine)
    Person staff = newPerson("周干事", hospital.department("tmedical"), Role.STAFF);
    IssuedItem item = fixture.issuedItem("移交认领事项");
    String taskId = fixture.openTask(item, "claimItem").getId();
    taskService.claim(taskId, staff.getUsername());
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo(staff.getUsername());

    // When the admin moves them to 测试护理部
    assertThat(
            adminPost(
                "/admin/people/" + staff.getId(),
                "fullName",
                "周干事",
                "departmentId",
                String.valueOf(hospital.department("tnursing").getId()),
                "roles",
                "STAFF"))
        .isNull();

    // Then the task is now the head of 测试医务部's, and the handover is audited
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getAssignee()).isEqualTo("tmedhead");
    var handover = audit("task.handover", taskId);
    assertThat(handover).hasSize(1);
    assertThat(handover.get(0).getActor()).isEqualTo("tadmin");
    assertThat(handover.get(0).getBefore()).contains(staff.getUsername());
    assertThat(handover.get(0).getAfter()).contains("tmedhead", "MOVE");
    assertThat(groupsOf(staff.getUsername()))
        .contains("dept_tnursing")
        .doesNotContain("dept_tmedical");

    // And the head can work on it
    assertThat(workTasks.open(taskId, hospital.user("tmedhead")).getId()).isEqualTo(taskId);
  }

  @Test
  void aHeadWhoLeavesHandsTheirTasksToADeputyAndIsNoLongerHead() throws Exception {
    Department ward = newDepartment("交接病区");
    Person head = newPerson("吴主任", ward, Role.DEPT_HEAD);
    Person deputy = newPerson("郑副主任", ward, Role.DEPT_HEAD);
    departmentAdmin.lead(ward.getId(), head.getId(), java.util.List.of(deputy.getId()));
    String taskId = standaloneTaskOf(head.getUsername(), "主任的待办");

    assertThat(adminPost("/admin/people/" + head.getId() + "/deactivate")).isNull();

    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo(deputy.getUsername());
    assertThat(audit("task.handover", taskId).get(0).getAfter())
        .contains(deputy.getUsername(), "DEACTIVATE");
    Department after = departments.findById(ward.getId()).orElseThrow();
    assertThat(after.getHeadPersonId()).isNull();
    assertThat(after.getDeputyIds()).containsExactly(deputy.getId());
  }

  @Test
  void withNobodyToLeadTheDepartmentTheTaskWaitsForTheDepartmentsGroup() throws Exception {
    Department ward = newDepartment("无主任病区");
    Person staff = newPerson("冯护士", ward, Role.STAFF);
    String taskId = standaloneTaskOf(staff.getUsername(), "护士的待办");

    assertThat(adminPost("/admin/people/" + staff.getId() + "/deactivate")).isNull();

    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(taskId))
        .extracting(IdentityLink::getGroupId)
        .contains(ward.groupId());
    assertThat(audit("task.handover", taskId).get(0).getAfter()).contains(ward.groupId());
  }
}
