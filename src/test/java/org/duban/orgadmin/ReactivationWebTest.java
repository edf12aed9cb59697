package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.duban.org.Department;
import org.duban.org.Person;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;

/**
 * 恢复: a person who left comes back, a deactivated department is used again; heads get their role.
 */
class ReactivationWebTest extends PeopleTestSupport {

  @Test
  void aDeactivatedPersonIsReactivatedAndLogsInAgainInTheirGroups() throws Exception {
    Department ward = newDepartment("复岗病区");
    Person nurse = newPerson("陈护士", ward, Role.STAFF);
    assertThat(adminPost("/admin/people/" + nurse.getId() + "/deactivate")).isNull();
    mvc.perform(formLogin("/login").user(nurse.getUsername()).password(GOOD_PASSWORD))
        .andExpect(redirectedUrl("/login?error"));
    assertThat(groupsOf(nurse.getUsername())).isEmpty();
    assertThat(html(get("/admin/people/" + nurse.getId()).with(as("tadmin")))).contains("恢复在岗");

    assertThat(adminPost("/admin/people/" + nurse.getId() + "/reactivate")).isNull();

    assertThat(people.findById(nurse.getId()).orElseThrow().isActive()).isTrue();
    assertThat(groupsOf(nurse.getUsername()))
        .containsExactlyInAnyOrder(ward.groupId(), Role.STAFF.groupId());
    mvc.perform(formLogin("/login").user(nurse.getUsername()).password(GOOD_PASSWORD))
        .andExpect(redirectedUrl("/"));
    var events = audit("person.reactivate", nurse.getUsername());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getActor()).isEqualTo("tadmin");
    assertThat(events.get(0).getBefore()).contains("false");
    assertThat(html(get("/admin/audit?action=person.reactivate").with(as("tadmin"))))
        .contains("恢复人员在岗");
  }

  @Test
  void aPersonOfADeactivatedDepartmentComesBackOnlyOnceTheDepartmentIsReactivated()
      throws Exception {
    Department ward = newDepartment("撤并病区");
    Person doctor = newPerson("林医生", ward, Role.STAFF);
    peopleAdmin.deactivate(doctor.getId(), "tadmin");
    assertThat(adminPost("/admin/departments/" + ward.getId() + "/deactivate")).isNull();

    // Refused with the reason, nothing changed
    assertThat(adminPost("/admin/people/" + doctor.getId() + "/reactivate"))
        .contains("林医生 所在的" + ward.getName() + "已停用，请先恢复启用该科室");
    assertThat(people.findById(doctor.getId()).orElseThrow().isActive()).isFalse();
    assertThat(audit("person.reactivate", doctor.getUsername())).isEmpty();

    // The department is reactivated first (audited), then the person
    assertThat(html(get("/admin/departments/" + ward.getId()).with(as("tadmin")))).contains("恢复启用");
    assertThat(adminPost("/admin/departments/" + ward.getId() + "/reactivate")).isNull();
    assertThat(departments.findById(ward.getId()).orElseThrow().isActive()).isTrue();
    var events = audit("department.reactivate", ward.getCode());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getAfter()).contains("true");
    assertThat(html(get("/admin/people/new").with(as("tadmin")))).contains(ward.getName());

    assertThat(adminPost("/admin/people/" + doctor.getId() + "/reactivate")).isNull();
    assertThat(groupsOf(doctor.getUsername())).contains(ward.groupId());
    mvc.perform(formLogin("/login").user(doctor.getUsername()).password(GOOD_PASSWORD))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void someoneNamedHeadOrDeputyWithoutTheHeadRoleIsGivenIt() throws Exception {
    Department ward = newDepartment("任命病区");
    Person head = newPerson("王主任", ward, Role.STAFF);
    Person deputy = newPerson("赵副主任", ward, Role.STAFF);
    Person already = newPerson("何主任", ward, Role.DEPT_HEAD);

    assertThat(
            adminPost(
                "/admin/departments/" + ward.getId() + "/head",
                "headId",
                String.valueOf(head.getId()),
                "deputyIds",
                String.valueOf(deputy.getId()),
                "deputyIds",
                String.valueOf(already.getId())))
        .isNull();

    for (Person named : java.util.List.of(head, deputy)) {
      assertThat(people.findById(named.getId()).orElseThrow().getRoles())
          .containsExactlyInAnyOrder(Role.STAFF, Role.DEPT_HEAD);
      assertThat(groupsOf(named.getUsername()))
          .contains(Role.DEPT_HEAD.groupId(), Role.STAFF.groupId());
      var events = audit("person.head-role", named.getUsername());
      assertThat(events).hasSize(1);
      assertThat(events.get(0).getAfter()).contains("DEPT_HEAD");
      assertThat(hospital.user(named.getUsername()).getAuthorities().toString())
          .contains(Role.DEPT_HEAD.groupId());
    }
    assertThat(audit("person.head-role", already.getUsername())).isEmpty();

    // Naming them again adds nothing more
    assertThat(
            adminPost(
                "/admin/departments/" + ward.getId() + "/head",
                "headId",
                String.valueOf(head.getId())))
        .isNull();
    assertThat(audit("person.head-role", head.getUsername())).hasSize(1);

    // While they lead it, the role cannot be taken away on the person's page
    assertThat(
            adminPost(
                "/admin/people/" + head.getId(),
                "fullName",
                "王主任",
                "departmentId",
                String.valueOf(ward.getId()),
                "roles",
                "STAFF"))
        .contains("王主任 是" + ward.getName() + "的负责人或副职，须保留“科室负责人”角色");
    assertThat(people.findById(head.getId()).orElseThrow().getRoles()).contains(Role.DEPT_HEAD);
    assertThat(audit("person.update", head.getUsername())).isEmpty();
  }
}
