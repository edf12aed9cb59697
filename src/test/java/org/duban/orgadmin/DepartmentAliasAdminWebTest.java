package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.duban.org.Department;
import org.duban.org.DepartmentAlias;
import org.duban.org.DepartmentAliasRepository;
import org.duban.org.NameKey;
import org.duban.org.PersonAlias;
import org.duban.org.PersonAliasRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 其他名称: on a department's admin page, an admin keeps the names the hospital's tables use for it
 * (医务科 for 医务部), sees them, adds and removes them; one name stands for one department only.
 */
class DepartmentAliasAdminWebTest extends PeopleTestSupport {

  @Autowired DepartmentAliasRepository aliases;
  @Autowired PersonAliasRepository personAliases;

  @AfterEach
  void noAliasesLeft() {
    aliases.deleteAll(
        aliases.findAll().stream().filter(a -> a.getAlias().contains("别名测")).toList());
    personAliases.deleteAll(
        personAliases.findAll().stream().filter(a -> a.getAlias().contains("别名测")).toList());
  }

  @Test
  void anAdminAddsSeesAndRemovesAnOtherNameOfADepartment() throws Exception {
    Department medical = hospital.department("tmedical");
    String page = "/admin/departments/" + medical.getId();

    // When the admin adds 医务科别名测 on 测试医务部's page
    assertThat(adminPost(page + "/aliases", "alias", " 医务科别名测 ")).isNull();

    // Then it is kept, normalised for matching, listed on the page and audited
    DepartmentAlias alias = aliases.findByAliasKey(NameKey.of("医务科别名测")).orElseThrow();
    assertThat(alias.getDepartmentId()).isEqualTo(medical.getId());
    assertThat(alias.getAlias()).isEqualTo("医务科别名测");
    assertThat(html(get(page).with(as("tadmin")))).contains("其他名称（表格中的写法）", "医务科别名测");
    assertThat(audit("department.alias-add", medical.getCode())).hasSize(1);

    // When the same name is given to 测试护理部, or a department's own name as an other name
    long before = aliases.count();
    Department nursing = hospital.department("tnursing");
    assertThat(adminPost("/admin/departments/" + nursing.getId() + "/aliases", "alias", "医务科 别名测"))
        .contains("“医务科 别名测”已是“测试医务部”的其他名称，一个名称只能对应一个科室或一位领导");
    assertThat(adminPost("/admin/departments/" + nursing.getId() + "/aliases", "alias", "测试医务部"))
        .contains("“测试医务部”已是科室“测试医务部”的名称，不能再作为其他名称");
    assertThat(adminPost("/admin/departments/" + nursing.getId() + "/aliases", "alias", "  "))
        .contains("请填写名称");
    // Then nothing is added
    assertThat(aliases.count()).isEqualTo(before);

    // When the admin removes it
    assertThat(adminPost(page + "/aliases/" + alias.getId() + "/remove")).isNull();
    assertThat(aliases.findByAliasKey(NameKey.of("医务科别名测"))).isEmpty();
    assertThat(html(get(page).with(as("tadmin")))).doesNotContain("医务科别名测");
  }

  @Test
  void anAdminKeepsTheOtherNamesOfALeaderOnTheirPage() throws Exception {
    Long incharge = hospital.personId("tincharge");
    String page = "/admin/people/" + incharge;

    assertThat(adminPost(page + "/aliases", "alias", "业务副院长别名测")).isNull();
    PersonAlias alias = personAliases.findByAliasKey(NameKey.of("业务副院长别名测")).orElseThrow();
    assertThat(alias.getPersonId()).isEqualTo(incharge);
    assertThat(html(get(page).with(as("tadmin")))).contains("业务副院长别名测");

    // another leader's name, or an other name someone already has, is refused with the reason on
    // the page
    long before = personAliases.count();
    assertThat(
            mvc.perform(
                    post(page + "/aliases").param("alias", "测试院长").with(as("tadmin")).with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("aliasProblems"))
        .isEqualTo(java.util.List.of("“测试院长”已是院领导“测试院长”的姓名，不能再作为其他名称"));
    String reviewer = "/admin/people/" + hospital.personId("treviewer");
    assertThat(
            mvc.perform(
                    post(reviewer + "/aliases")
                        .param("alias", "业务副院长 别名测")
                        .with(as("tadmin"))
                        .with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("aliasProblems"))
        .isEqualTo(java.util.List.of("“业务副院长 别名测”已是“测试分管院长”的其他名称，一个名称只能对应一个科室或一位领导"));
    assertThat(personAliases.count()).isEqualTo(before);
    // someone who is no leader gets no other name
    assertThat(
            adminPost(
                "/admin/people/" + hospital.personId("tmedstaff") + "/aliases", "alias", "医务干事别名测"))
        .isNull();
    assertThat(personAliases.count()).isEqualTo(before);

    assertThat(adminPost(page + "/aliases/" + alias.getId() + "/remove")).isNull();
    assertThat(personAliases.findByAliasKey(NameKey.of("业务副院长别名测"))).isEmpty();
  }

  @Test
  void onlyAdminsKeepOtherNames() throws Exception {
    Department medical = hospital.department("tmedical");
    long before = aliases.count();
    mvc.perform(
            post("/admin/departments/{id}/aliases", medical.getId())
                .param("alias", "医务科别名测二")
                .with(as("tleader"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(aliases.count()).isEqualTo(before);
  }
}
