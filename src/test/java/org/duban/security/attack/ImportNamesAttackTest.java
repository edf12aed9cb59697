package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.decomposition.HospitalTable;
import org.duban.infrastructure.EngineClock;
import org.duban.org.Department;
import org.duban.org.DepartmentAlias;
import org.duban.org.DepartmentAliasRepository;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The import's name screen (issue 15) given choices it must refuse: an id of no department, a
 * department to create with no name or by someone who is no admin, an other name another department
 * already has, a name that is not in the table, and someone who may not import the book. Each is
 * refused with a message naming the name, and nothing changes, not even the sound choices submitted
 * beside the bad one.
 */
@Attack(AttackCategory.FORGED_ID)
class ImportNamesAttackTest extends AttackTestSupport {

  private static final Pattern NAMES_ACTION = Pattern.compile("/books/(\\d+)/import/(\\d+)/names");

  @Autowired DepartmentRepository departments;
  @Autowired DepartmentAliasRepository departmentAliases;
  @Autowired TaskBookService taskBooks;

  /**
   * A draft of tleader and the stored upload of a table naming {@code lead} and {@code leader}; the
   * screen's address.
   */
  private String screen(String title, String lead, String leader) throws Exception {
    return screen(title, lead, leader, "tleader");
  }

  private String screen(String title, String lead, String leader, String issuer) throws Exception {
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(today.getYear());
    data.setPeriodStart(today.minusDays(30));
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("医疗服务");
    TaskBook book = taskBooks.createDraft(data, hospital.user(issuer));
    byte[] table =
        new HospitalTable()
            .row(
                "1",
                "医疗服务",
                title,
                null,
                lead,
                null,
                leader,
                EngineClock.today().plusDays(60).toString())
            .xlsx();
    MvcResult result =
        mvc.perform(
                multipart("/books/{id}/import", book.getId())
                    .file(
                        new MockMultipartFile("file", "t.xlsx", "application/octet-stream", table))
                    .with(as(issuer))
                    .with(csrf()))
            .andReturn();
    Matcher matcher =
        NAMES_ACTION.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(matcher.find()).as("the name screen").isTrue();
    return matcher.group();
  }

  private MvcResult refused(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andReturn();
  }

  private static String html(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private String medicalId() {
    return hospital.department("tmedical").getId().toString();
  }

  @Test
  void anIdOfNoDepartmentIsRefusedAndTheSoundChoiceBesideItIsNotWrittenEither() throws Exception {
    String screen = screen("攻击：不存在的部门", "医务科攻一", "业务副院长攻一");
    DatabaseState before = databaseState();

    MvcResult result =
        refused(
            post(screen)
                .with(as("tleader"))
                .param("departments[0].text", "医务科攻一")
                .param("departments[0].choice", "999999999")
                .param("leaders[0].text", "业务副院长攻一")
                .param("leaders[0].choice", hospital.personId("tincharge").toString()));

    assertThat(html(result)).contains("“医务科攻一”：所选部门不存在或已停用，“医务科攻一”未对应");
    assertNothingChangedSince(before);
  }

  @Test
  void aPersonWhoIsNoLeaderCannotBeTheTargetOfALeadersName() throws Exception {
    String screen = screen("攻击：非领导", "测试医务部", "业务副院长攻二");
    DatabaseState before = databaseState();

    MvcResult result =
        refused(
            post(screen)
                .with(as("tleader"))
                .param("leaders[0].text", "业务副院长攻二")
                .param("leaders[0].choice", hospital.personId("tmedstaff").toString()));

    assertThat(html(result)).contains("所选院领导不存在、已停用或不是院领导");
    assertNothingChangedSince(before);
  }

  @Test
  void creatingADepartmentNeedsAnAdminAndIsNotOfferedToOthers() throws Exception {
    String screen = screen("攻击：非管理员新建", "宣传科攻三", "测试院长");
    DatabaseState before = databaseState();

    MvcResult result =
        refused(
            post(screen)
                .with(as("tleader"))
                .param("departments[0].text", "宣传科攻三")
                .param("departments[0].choice", "new")
                .param("departments[0].name", "宣传科攻三"));

    assertThat(html(result)).contains("新建需要系统管理员权限，请把“宣传科攻三”对应到已有的部门或领导，或请管理员新建");
    assertThat(html(result)).doesNotContain("value=\"new\"");
    assertNothingChangedSince(before);
  }

  @Test
  void aDepartmentToCreateWithoutANameIsRefused() throws Exception {
    String issuer = leaderWhoIsAdmin();
    String screen = screen("攻击：空名称", "宣传科攻四", "测试院长", issuer);
    DatabaseState before = databaseState();

    MvcResult result =
        refused(
            post(screen)
                .with(as(issuer))
                .param("departments[0].text", "宣传科攻四")
                .param("departments[0].choice", "new")
                .param("departments[0].name", "  "));

    assertThat(html(result)).contains("“宣传科攻四”：请填写科室名称");
    assertNothingChangedSince(before);
  }

  @Test
  void aDepartmentToCreateUnderTheNameOfOneInUseIsRefused() throws Exception {
    String issuer = leaderWhoIsAdmin();
    String screen = screen("攻击：重名新建", "宣传科攻九", "测试院长", issuer);
    DatabaseState before = databaseState();

    MvcResult result =
        refused(
            post(screen)
                .with(as(issuer))
                .param("departments[0].text", "宣传科攻九")
                .param("departments[0].choice", "new")
                .param("departments[0].name", "测试 护理部"));

    assertThat(html(result)).contains("“宣传科攻九”：科室名称 测试 护理部 已被使用");
    assertNothingChangedSince(before);
  }

  /**
   * tleader, the draft's issuer, with the admin role for this case (a small hospital's office head
   * often has both); taken away again after it, so the shared hospital stays as other cases expect.
   */
  private String leaderWhoIsAdmin() {
    jdbc.update(
        "insert into person_role (person_id, role) values (?, 'ADMIN')",
        hospital.personId("tleader"));
    adminGranted = true;
    return "tleader";
  }

  private boolean adminGranted;
  private final java.util.List<Long> departmentsMade = new java.util.ArrayList<>();

  @AfterEach
  void hospitalAsItWas() {
    if (adminGranted) {
      jdbc.update(
          "delete from person_role where person_id = ? and role = 'ADMIN'",
          hospital.personId("tleader"));
    }
    for (Long id : departmentsMade) {
      jdbc.update("delete from department_alias where department_id = ?", id);
      jdbc.update("delete from department where id = ?", id);
    }
  }

  @Test
  void anOtherNameAnotherDepartmentHasIsRefusedWithThatDepartmentsName() throws Exception {
    // Given a department no longer in use that the hospital's tables called 宣传办攻五
    Department old =
        departments.save(new Department("attack_old5", "旧宣传科攻五", null, DepartmentKind.FUNCTIONAL));
    departmentsMade.add(old.getId());
    old.deactivate();
    departments.save(old);
    departmentAliases.save(new DepartmentAlias(old.getId(), "宣传办攻五", "tadmin", EngineClock.now()));
    String screen = screen("攻击：重复的其他名称", "宣传办攻五", "测试院长");
    DatabaseState before = databaseState();

    // When the issuer maps 宣传办攻五 to 测试医务部
    MvcResult result =
        refused(
            post(screen)
                .with(as("tleader"))
                .param("departments[0].text", "宣传办攻五")
                .param("departments[0].choice", medicalId()));

    // Then it is refused, naming the department that has it
    assertThat(html(result)).contains("“宣传办攻五”已是“旧宣传科攻五”的其他名称，一个名称只能对应一个科室或一位领导");
    assertNothingChangedSince(before);
  }

  @Test
  void aNameThatIsNotInTheTableCannotBeSlippedIn() throws Exception {
    String screen = screen("攻击：表外名称", "医务科攻六", "测试院长");
    DatabaseState before = databaseState();

    MvcResult result =
        refused(
            post(screen)
                .with(as("tleader"))
                .param("departments[0].text", "医务科攻六")
                .param("departments[0].choice", medicalId())
                .param("departments[1].text", "财务科攻六")
                .param("departments[1].choice", medicalId()));

    assertThat(html(result)).contains("“财务科攻六”不是这张表中未识别的名称");
    assertNothingChangedSince(before);
  }

  @Test
  void anEmptySubmissionChangesNothingAndSaysSo() throws Exception {
    String screen = screen("攻击：空提交", "医务科攻七", "测试院长");
    DatabaseState before = databaseState();

    MvcResult result =
        refused(
            post(screen)
                .with(as("tleader"))
                .param("departments[0].text", "医务科攻七")
                .param("departments[0].choice", ""));

    assertThat(html(result)).contains("没有为任何名称作出选择，未作任何更改");
    assertNothingChangedSince(before);
  }

  @Test
  void someoneWhoMayNotImportTheBookCannotMapItsNames() throws Exception {
    String screen = screen("攻击：他人映射", "医务科攻八", "测试院长");
    DatabaseState before = databaseState();

    mvc.perform(
            post(screen)
                .with(as("tnursehead"))
                .with(csrf())
                .param("departments[0].text", "医务科攻八")
                .param("departments[0].choice", medicalId()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(screen)
                .with(as("treviewer"))
                .with(csrf())
                .param("departments[0].text", "医务科攻八")
                .param("departments[0].choice", medicalId()))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
  }
}
