package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.duban.notification.Recipients;
import org.duban.org.Department;
import org.duban.org.DepartmentHeads;
import org.duban.org.DepartmentKind;
import org.duban.org.Person;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 科室: admins create, edit and deactivate departments and name their heads and deputies. */
class DepartmentAdminWebTest extends PeopleTestSupport {

  @Autowired DepartmentHeads heads;
  @Autowired Recipients recipients;

  @Test
  void anAdminCreatesAndEditsADepartmentWhichBecomesACamundaGroup() throws Exception {
    String code = unique("ward");
    assertThat(
            adminPost(
                "/admin/departments",
                "code",
                code,
                "name",
                "新病区" + code,
                "shortName",
                "新病区",
                "kind",
                "CLINICAL"))
        .isNull();
    Department created = departments.findByCode(code).orElseThrow();
    try {
      assertThat(
              identityService.createGroupQuery().groupId("dept_" + code).singleResult().getName())
          .isEqualTo("新病区" + code);

      assertThat(
              adminPost(
                  "/admin/departments/" + created.getId(),
                  "name",
                  "改名病区" + code,
                  "shortName",
                  "",
                  "kind",
                  "FUNCTIONAL"))
          .isNull();
      Department edited = departments.findById(created.getId()).orElseThrow();
      assertThat(edited.getName()).isEqualTo("改名病区" + code);
      assertThat(edited.getShortName()).isNull();
      assertThat(edited.getKind()).isEqualTo(DepartmentKind.FUNCTIONAL);
      assertThat(edited.getCode()).isEqualTo(code);
      assertThat(
              identityService.createGroupQuery().groupId("dept_" + code).singleResult().getName())
          .isEqualTo("改名病区" + code);
      assertThat(audit("department.", code))
          .extracting(e -> e.getAction())
          .containsExactly("department.update", "department.create");
      assertThat(html(get("/admin/departments").with(as("tadmin"))))
          .contains("改名病区" + code, "职能部门");
    } finally {
      departmentAdmin.deactivate(created.getId());
    }
  }

  @Test
  void badInputGivesTheChineseMessageAndChangesNothing() throws Exception {
    long count = departments.count();
    assertThat(
            adminPost(
                "/admin/departments", "code", "tmedical", "name", "另一个医务部", "kind", "FUNCTIONAL"))
        .contains("编码 tmedical 已被使用");
    assertThat(
            adminPost(
                "/admin/departments", "code", unique("x"), "name", "测试医务部", "kind", "FUNCTIONAL"))
        .contains("科室名称 测试医务部 已被使用");
    assertThat(adminPost("/admin/departments", "code", "坏 编码", "name", "", "kind", ""))
        .contains("编码只能是 2～30 位字母、数字或下划线", "请填写科室名称", "请选择科室类别");
    assertThat(departments.count()).isEqualTo(count);

    Department nursing = hospital.department("tnursing");
    assertThat(
            adminPost(
                "/admin/departments/" + nursing.getId(), "name", "测试医务部", "kind", "FUNCTIONAL"))
        .contains("科室名称 测试医务部 已被使用");
    assertThat(departments.findById(nursing.getId()).orElseThrow().getName()).isEqualTo("测试护理部");
  }

  @Test
  void theAdminNamesAndChangesTheHeadAndDeputies() throws Exception {
    Department ward = newDepartment("心内病区");
    Person first = newPerson("钱主任", ward, Role.STAFF);
    Person second = newPerson("孙副主任", ward, Role.STAFF);
    Person outsider = newPerson("外科室", hospital.department("tnursing"), Role.STAFF);
    assertThat(heads.headOf(ward.getId())).isEmpty();

    // The head is first, the deputy stands in; both hear of the department's items
    assertThat(
            adminPost(
                "/admin/departments/" + ward.getId() + "/head",
                "headId",
                String.valueOf(first.getId()),
                "deputyIds",
                String.valueOf(second.getId())))
        .isNull();
    assertThat(heads.headOf(ward.getId())).map(Person::getUsername).contains(first.getUsername());
    assertThat(recipients.headsOf(ward.getId()))
        .containsExactly(first.getUsername(), second.getUsername());
    assertThat(html(get("/admin/departments/" + ward.getId()).with(as("tadmin"))))
        .contains("钱主任、孙副主任");

    // The head changes
    assertThat(
            adminPost(
                "/admin/departments/" + ward.getId() + "/head",
                "headId",
                String.valueOf(second.getId())))
        .isNull();
    assertThat(heads.headOf(ward.getId())).map(Person::getUsername).contains(second.getUsername());
    assertThat(departments.findById(ward.getId()).orElseThrow().getDeputyIds()).isEmpty();
    var event = audit("department.head", ward.getCode()).get(0);
    assertThat(event.getBefore()).contains(first.getUsername());
    assertThat(event.getAfter()).contains(second.getUsername()).doesNotContain(first.getUsername());

    // Someone of another department cannot lead it
    assertThat(
            adminPost(
                "/admin/departments/" + ward.getId() + "/head",
                "headId",
                String.valueOf(outsider.getId())))
        .contains("外科室 不是" + ward.getName() + "的在岗人员");
    assertThat(heads.headOf(ward.getId())).map(Person::getUsername).contains(second.getUsername());
  }

  @Test
  void theTestHospitalsHeadsAreNamedAsMigrationV10Names() {
    assertThat(heads.headOf(hospital.department("tmedical").getId()))
        .map(Person::getUsername)
        .contains("tmedhead");
    assertThat(
            departments
                .findById(hospital.department("tmedical").getId())
                .orElseThrow()
                .getHeadPersonId())
        .isEqualTo(hospital.personId("tmedhead"));
  }

  @Test
  void aDepartmentWithMembersOrOpenItemsIsNotDeactivated() throws Exception {
    // 测试医务部 has people and leads an open item
    fixture.issuedItem("停用科室检查事项");
    Department medical = hospital.department("tmedical");
    String page = adminPost("/admin/departments/" + medical.getId() + "/deactivate");
    assertThat(page).contains("测试医务部 还有", "名在岗人员", "测试医务部 还牵头", "项未办结的事项");
    assertThat(departments.findById(medical.getId()).orElseThrow().isActive()).isTrue();
    assertThat(audit("department.deactivate", medical.getCode())).isEmpty();

    // An emptied department is deactivated and offered for nobody's department any more
    Department ward = newDepartment("撤销病区");
    Person last = newPerson("最后一人", ward, Role.STAFF);
    assertThat(adminPost("/admin/departments/" + ward.getId() + "/deactivate"))
        .contains("还有 1 名在岗人员");
    peopleAdmin.deactivate(last.getId(), "tadmin");
    assertThat(adminPost("/admin/departments/" + ward.getId() + "/deactivate")).isNull();
    assertThat(departments.findById(ward.getId()).orElseThrow().isActive()).isFalse();
    assertThat(audit("department.deactivate", ward.getCode())).hasSize(1);
    assertThat(html(get("/admin/people/new").with(as("tadmin")))).doesNotContain(ward.getName());
  }
}
