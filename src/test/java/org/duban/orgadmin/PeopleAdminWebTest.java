package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.duban.org.Department;
import org.duban.org.Person;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** 人员: admins create, edit, deactivate people and reset passwords; everyone changes their own. */
class PeopleAdminWebTest extends PeopleTestSupport {

  void logsIn(String username, String password) throws Exception {
    mvc.perform(formLogin("/login").user(username).password(password))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/"));
  }

  /**
   * The session cookie of a form log-in, to be sent with later requests as a browser would (the
   * session itself is in the database, Spring Session JDBC).
   */
  Cookie session(String username, String password) throws Exception {
    MvcResult login =
        mvc.perform(formLogin("/login").user(username).password(password))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    Cookie session = login.getResponse().getCookie("JSESSIONID");
    assertThat(session).as("session cookie").isNotNull();
    return session;
  }

  void isTurnedAway(String username, String password) throws Exception {
    mvc.perform(formLogin("/login").user(username).password(password))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void anAdminCreatesAPersonWhoThenLogsIn() throws Exception {
    String username = unique("zhang");
    Department nursing = hospital.department("tnursing");

    // When the admin creates a nurse of 测试护理部 with an initial password
    String refused =
        adminPost(
            "/admin/people",
            "username",
            username,
            "fullName",
            "张护士",
            "title",
            "护士长",
            "departmentId",
            String.valueOf(nursing.getId()),
            "roles",
            "STAFF",
            "password",
            GOOD_PASSWORD);
    madeByTest(username);

    // Then the person exists, is in the department's and the role's Camunda groups, and logs in
    assertThat(refused).isNull();
    Person person = people.findByUsername(username).orElseThrow();
    assertThat(person.getFullName()).isEqualTo("张护士");
    assertThat(person.getTitle()).isEqualTo("护士长");
    assertThat(person.getDepartment().getId()).isEqualTo(nursing.getId());
    assertThat(person.getRoles()).containsExactly(Role.STAFF);
    assertThat(groupsOf(username)).containsExactlyInAnyOrder("dept_tnursing", "role_staff");
    // the password lives only as Duban's BCrypt hash: Cockpit signs on through Duban, the engine
    // has none
    assertThat(identityService.checkPassword(username, GOOD_PASSWORD))
        .as("the engine's own password check")
        .isFalse();
    logsIn(username, GOOD_PASSWORD);

    // And the creation is audited, without the password
    var events = audit("person.create", username);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getActor()).isEqualTo("tadmin");
    assertThat(events.get(0).getAfter())
        .contains("张护士", "测试护理部", "STAFF")
        .doesNotContain(GOOD_PASSWORD);
    assertThat(
            html(
                get("/admin/audit")
                    .param("action", "person.create")
                    .param("subjectId", username)
                    .with(as("tadmin"))))
        .contains("新建人员", "人员 " + username);

    // And the list finds them by name, department and role
    assertThat(html(get("/admin/people").param("q", "张护士").with(as("tadmin"))))
        .contains(username, "护士长");
    assertThat(
            html(
                get("/admin/people")
                    .param("departmentId", String.valueOf(nursing.getId()))
                    .param("role", "STAFF")
                    .with(as("tadmin"))))
        .contains(username)
        .doesNotContain("tnursehead");
    assertThat(html(get("/admin/people").param("role", "LEADER").with(as("tadmin"))))
        .doesNotContain(username);
  }

  @Test
  void badInputGivesTheChineseMessageAndCreatesNobody() throws Exception {
    String dept = String.valueOf(hospital.department("tnursing").getId());
    long before = people.count();
    long audited = audit("person.", null).size();

    assertThat(
            adminPost(
                "/admin/people",
                "username",
                "tmedstaff",
                "fullName",
                "重名",
                "departmentId",
                dept,
                "roles",
                "STAFF",
                "password",
                GOOD_PASSWORD))
        .contains("账号 tmedstaff 已被使用");
    assertThat(
            adminPost(
                "/admin/people",
                "username",
                "TMEDSTAFF",
                "fullName",
                "重名",
                "departmentId",
                dept,
                "roles",
                "STAFF",
                "password",
                GOOD_PASSWORD))
        .as("names differing in case only")
        .contains("已被使用");
    String weak = unique("weak");
    assertThat(
            adminPost(
                "/admin/people",
                "username",
                weak,
                "fullName",
                "弱密码",
                "departmentId",
                dept,
                "roles",
                "STAFF",
                "password",
                "abcdefgh"))
        .contains("密码须同时包含字母和数字");
    assertThat(
            adminPost(
                "/admin/people",
                "username",
                weak,
                "fullName",
                "弱密码",
                "departmentId",
                dept,
                "roles",
                "STAFF",
                "password",
                "abc123"))
        .contains("密码至少 8 位");
    assertThat(
            adminPost(
                "/admin/people",
                "username",
                "abc12345",
                "fullName",
                "同名密码",
                "departmentId",
                dept,
                "roles",
                "STAFF",
                "password",
                "ABC12345"))
        .contains("密码不能与账号相同");
    assertThat(
            adminPost(
                "/admin/people",
                "username",
                weak,
                "fullName",
                "无科室",
                "departmentId",
                "",
                "roles",
                "STAFF",
                "password",
                GOOD_PASSWORD))
        .contains("请选择科室");
    assertThat(
            adminPost(
                "/admin/people",
                "username",
                "bad name!",
                "fullName",
                "",
                "departmentId",
                dept,
                "password",
                GOOD_PASSWORD))
        .contains("账号只能是 2～40 位字母或数字", "请填写姓名", "请至少选择一个角色");

    assertThat(people.count()).isEqualTo(before);
    assertThat(people.findByUsername(weak)).isEmpty();
    assertThat(identityService.createUserQuery().userId(weak).count()).isZero();
    assertThat(audit("person.", null)).hasSize((int) audited);
  }

  @Test
  void anEditChangesNameTitleRolesAndTheCamundaGroups() throws Exception {
    Department nursing = hospital.department("tnursing");
    Person person = newPerson("李干事", nursing, Role.STAFF);

    assertThat(
            adminPost(
                "/admin/people/" + person.getId(),
                "fullName",
                "李主管",
                "title",
                "主管",
                "departmentId",
                String.valueOf(nursing.getId()),
                "roles",
                "STAFF",
                "roles",
                "SUPERVISION"))
        .isNull();

    Person edited = people.findById(person.getId()).orElseThrow();
    assertThat(edited.getFullName()).isEqualTo("李主管");
    assertThat(edited.getTitle()).isEqualTo("主管");
    assertThat(edited.getRoles()).containsExactlyInAnyOrder(Role.STAFF, Role.SUPERVISION);
    assertThat(groupsOf(person.getUsername()))
        .containsExactlyInAnyOrder("dept_tnursing", "role_staff", "role_supervision");
    var event = audit("person.update", person.getUsername()).get(0);
    assertThat(event.getBefore()).contains("李干事").doesNotContain("SUPERVISION");
    assertThat(event.getAfter()).contains("李主管", "SUPERVISION");

    // A refused edit (no role) changes nothing
    assertThat(
            adminPost(
                "/admin/people/" + person.getId(),
                "fullName",
                "改不了",
                "departmentId",
                String.valueOf(nursing.getId())))
        .contains("请至少选择一个角色");
    assertThat(people.findById(person.getId()).orElseThrow().getFullName()).isEqualTo("李主管");
  }

  @Test
  void aDeactivatedPersonCannotLogInAndLosesTheirCamundaMemberships() throws Exception {
    Person person = newPerson("王离职", hospital.department("tnursing"), Role.STAFF);
    logsIn(person.getUsername(), GOOD_PASSWORD);
    assertThat(groupsOf(person.getUsername())).isNotEmpty();
    Cookie openSession = session(person.getUsername(), GOOD_PASSWORD);
    html(get("/tasks").cookie(openSession));

    assertThat(adminPost("/admin/people/" + person.getId() + "/deactivate")).isNull();

    assertThat(people.findById(person.getId()).orElseThrow().isActive()).isFalse();
    isTurnedAway(person.getUsername(), GOOD_PASSWORD);
    assertThat(groupsOf(person.getUsername())).isEmpty();
    assertThat(audit("person.deactivate", person.getUsername())).hasSize(1);
    // a session opened before ends at its next request
    mvc.perform(get("/tasks").cookie(openSession))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("**/login"));
    assertThat(html(get("/admin/people/" + person.getId()).with(as("tadmin")))).contains("该人员已停用");
  }

  @Test
  void aChangeOfRolesReachesAnOpenSessionAtItsNextRequest() throws Exception {
    Department nursing = hospital.department("tnursing");
    Person person = newPerson("钱管理", nursing, Role.STAFF);
    Cookie session = session(person.getUsername(), GOOD_PASSWORD);
    mvc.perform(get("/admin/people").cookie(session)).andExpect(status().isForbidden());

    adminPost(
        "/admin/people/" + person.getId(),
        "fullName",
        "钱管理",
        "departmentId",
        String.valueOf(nursing.getId()),
        "roles",
        "STAFF",
        "roles",
        "ADMIN");
    html(get("/admin/people").cookie(session));

    adminPost(
        "/admin/people/" + person.getId(),
        "fullName",
        "钱管理",
        "departmentId",
        String.valueOf(nursing.getId()),
        "roles",
        "STAFF");
    mvc.perform(get("/admin/people").cookie(session)).andExpect(status().isForbidden());
  }

  @Test
  void anAdminCannotDeactivateThemselves() throws Exception {
    assertThat(adminPost("/admin/people/" + hospital.personId("tadmin") + "/deactivate"))
        .contains("不能停用自己的账号");
    assertThat(people.findByUsername("tadmin").orElseThrow().isActive()).isTrue();
  }

  @Test
  void theAdminResetsAPasswordAndEveryoneChangesTheirOwn() throws Exception {
    Person person = newPerson("赵医生", hospital.department("tnursing"), Role.STAFF);
    String username = person.getUsername();

    // A weak reset is refused, a good one works
    assertThat(adminPost("/admin/people/" + person.getId() + "/password", "password", "12345678"))
        .contains("密码须同时包含字母和数字");
    logsIn(username, GOOD_PASSWORD);
    assertThat(adminPost("/admin/people/" + person.getId() + "/password", "password", "Reset2026x"))
        .isNull();
    isTurnedAway(username, GOOD_PASSWORD);
    logsIn(username, "Reset2026x");
    assertThat(audit("person.password-reset", username))
        .hasSize(1)
        .allSatisfy(e -> assertThat(e.getBefore() + e.getAfter()).doesNotContain("Reset2026x"));

    // The person opens 修改密码 from every page's header
    var me = user(hospital.user(username));
    assertThat(html(get("/tasks").with(me))).contains("href=\"/me/password\"");
    assertThat(html(get("/me/password").with(me))).contains("原密码", "新密码");

    // A wrong old password is refused and changes nothing
    String wrong =
        html(
            post("/me/password")
                .with(me)
                .with(csrf())
                .param("oldPassword", "nicht-richtig1")
                .param("newPassword", "Mine2026abc")
                .param("repeatPassword", "Mine2026abc"));
    assertThat(wrong).contains("原密码不正确");
    String mismatch =
        html(
            post("/me/password")
                .with(me)
                .with(csrf())
                .param("oldPassword", "Reset2026x")
                .param("newPassword", "Mine2026abc")
                .param("repeatPassword", "Mine2026abd"));
    assertThat(mismatch).contains("两次输入的新密码不一致");
    logsIn(username, "Reset2026x");

    // The right one changes it
    mvc.perform(
            post("/me/password")
                .with(me)
                .with(csrf())
                .param("oldPassword", "Reset2026x")
                .param("newPassword", "Mine2026abc")
                .param("repeatPassword", "Mine2026abc"))
        .andExpect(status().is3xxRedirection());
    isTurnedAway(username, "Reset2026x");
    logsIn(username, "Mine2026abc");
    assertThat(audit("person.password-change", username)).hasSize(1);
  }

  @Test
  void onlyAdminsReachThePeopleAndDepartmentPages() throws Exception {
    for (String who : new String[] {"tmedhead", "tleader", "tmedstaff"}) {
      mvc.perform(get("/admin/people").with(as(who))).andExpect(status().isForbidden());
      mvc.perform(get("/admin/departments").with(as(who))).andExpect(status().isForbidden());
      mvc.perform(post("/admin/people").with(as(who)).with(csrf()).param("username", "sneaky1"))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/admin/departments/" + hospital.department("tmedical").getId() + "/deactivate")
                  .with(as(who))
                  .with(csrf()))
          .andExpect(status().isForbidden());
    }
    assertThat(html(get("/admin/people").with(as("tadmin")))).contains("人员", "测试医务主任");
    assertThat(html(get("/admin").with(as("tadmin"))))
        .contains("href=\"/admin/people\"", "href=\"/admin/departments\"");
    assertThat(html(get("/admin/departments/new").with(as("tadmin")))).contains("新建科室", "临床医技科室");
    assertThat(html(get("/admin/people/new").param("lang", "en").with(as("tadmin"))))
        .contains("New person", "Initial password");
  }
}
