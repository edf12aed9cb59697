package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBook;
import org.duban.org.Department;
import org.duban.org.DepartmentAliasRepository;
import org.duban.org.DepartmentRepository;
import org.duban.org.EngineIdentitySync;
import org.duban.org.NameKey;
import org.duban.org.Person;
import org.duban.org.PersonAliasRepository;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The import's name screen (issue 15): a table naming departments and leaders by the hospital's own
 * names goes to a screen that asks once per distinct name; a mapping is remembered as an other name
 * so the next table resolves it without asking; an admin may create a department from a name. The
 * departments, leaders and other names these tests create would show in other tests' lists, so they
 * run in an application of their own, which {@code HospitalTableBrowserTest} (in the same test JVM)
 * goes on using and closes afterwards.
 */
@TestPropertySource(properties = "duban.test.context=own-names")
class DecompositionNameScreenWebTest extends DecompositionTestSupport {

  private static final Pattern NAMES_ACTION = Pattern.compile("/books/(\\d+)/import/(\\d+)/names");

  @Autowired DepartmentRepository departments;
  @Autowired DepartmentAliasRepository departmentAliases;
  @Autowired PersonAliasRepository personAliases;
  @Autowired PersonRepository people;
  @Autowired EngineIdentitySync sync;

  @Test
  void aNameMappedOnceIsRememberedAndTheNextTableResolvesItWithoutAsking() throws Exception {
    // Given a table whose three rows name 医务科甲 (the hospital's 测试医务部) and 业务副院长甲 (测试分管院长)
    byte[] table =
        new HospitalTable()
            .row("1", "医疗服务", "缩短平均住院日", "平均住院日≤6.5天", "医务科甲", "测试护理部", "业务副院长甲", "2026-06-30")
            .row("2", "医疗服务", "降低药占比", null, "医务科甲", null, "测试院长", "2026-09-30")
            .row("3", "医疗服务", "提升满意度", null, "测试护理部", "医务科甲", "业务副院长甲", "2026-10-31")
            .xlsx();
    TaskBook book = draft("名称：对应后记住");

    // When its issuer uploads it
    MvcResult uploaded = upload(book.getId(), "医院写法.xlsx", table, ISSUER);

    // Then nothing is imported, and one screen asks once per distinct unknown name
    assertThat(uploaded.getResponse().getStatus()).isEqualTo(422);
    assertThat(HtmlTexts.byClass(html(uploaded), "unmatched-name"))
        .containsExactly("医务科甲", "业务副院长甲");
    assertThat(HtmlTexts.byClass(html(uploaded), "names-admin-only"))
        .singleElement()
        .satisfies(text -> assertThat(text).contains("需要系统管理员权限"));
    assertThat(html(uploaded)).doesNotContain("value=\"new\"");
    Long uploadId = uploadIdOf(uploaded, book.getId());
    assertThat(items(book.getId())).isEmpty();

    // When the issuer maps both names on the screen
    Department medical = hospital.department("tmedical");
    mvc.perform(
            post("/books/{id}/import/{u}/names", book.getId(), uploadId)
                .with(as(ISSUER))
                .with(csrf())
                .param("departments[0].text", "医务科甲")
                .param("departments[0].choice", medical.getId().toString())
                .param("leaders[0].text", "业务副院长甲")
                .param("leaders[0].choice", hospital.personId("tincharge").toString()))
        .andExpect(redirectedUrl("/books/" + book.getId() + "/import/" + uploadId))
        .andExpect(flash().attribute("notice", "decomposition.names.saved"));

    // Then the mappings are other names of 测试医务部 and 测试分管院长
    assertThat(departmentAliases.findByAliasKey(NameKey.of("医务科甲")))
        .get()
        .satisfies(alias -> assertThat(alias.getDepartmentId()).isEqualTo(medical.getId()));
    assertThat(personAliases.findByAliasKey(NameKey.of("业务副院长甲")))
        .get()
        .satisfies(
            alias -> assertThat(alias.getPersonId()).isEqualTo(hospital.personId("tincharge")));

    // and the preview, planned again, shows every row resolved and can be confirmed
    MvcResult preview =
        mvc.perform(get("/books/{id}/import/{u}", book.getId(), uploadId).with(as(ISSUER)))
            .andReturn();
    assertThat(preview.getResponse().getStatus()).as(html(preview)).isEqualTo(200);
    assertThat(HtmlTexts.byClass(html(preview), "import-row-new"))
        .containsExactly(
            "2 1 医疗服务 缩短平均住院日 平均住院日≤6.5天 测试医务部 测试护理部 测试分管院长 2026-06-30 新增",
            "3 2 医疗服务 降低药占比 测试医务部 测试院长 2026-09-30 新增",
            "4 3 医疗服务 提升满意度 测试护理部 测试医务部 测试分管院长 2026-10-31 新增");
    assertThat(HtmlTexts.byClass(html(preview), "unmatched-name")).isEmpty();
    confirm(book.getId(), uploadId);
    assertThat(items(book.getId()))
        .extracting(ItemSummary::leadDepartment)
        .containsExactly("测试医务部", "测试医务部", "测试护理部");

    // When the next table with the same names is uploaded to another draft
    TaskBook next = draft("名称：下次直接识别");
    Long nextUpload = uploadClean(next.getId(), "医院写法.xlsx", table);

    // Then it goes straight to a clean preview, asking nothing
    MvcResult nextPreview =
        mvc.perform(get("/books/{id}/import/{u}", next.getId(), nextUpload).with(as(ISSUER)))
            .andReturn();
    assertThat(nextPreview.getResponse().getStatus()).isEqualTo(200);
    assertThat(HtmlTexts.byClass(html(nextPreview), "import-row-new")).hasSize(3);
    assertThat(HtmlTexts.byClass(html(nextPreview), "unmatched-name")).isEmpty();
  }

  @Test
  void anAdminCreatesADepartmentFromTheTablesNameAndTheRowsResolve() throws Exception {
    // Given an issuer who is also an admin, and a table whose collaborator 宣传科乙 does not exist
    String issuer = leaderWhoIsAdmin();
    TaskBook book = draftOf(issuer, "名称：新建部门");
    byte[] table =
        new HospitalTable()
            .row("1", "医疗服务", "加强宣传", null, "测试医务部", "宣传科乙、测试护理部", "测试院长", "2026-06-30")
            .row("2", "医疗服务", "院报改版", null, "宣传科乙", null, "测试院长", "2026-07-31")
            .xlsx();
    MvcResult uploaded = upload(book.getId(), "新建.xlsx", table, issuer);
    assertThat(HtmlTexts.byClass(html(uploaded), "unmatched-name")).containsExactly("宣传科乙");
    assertThat(html(uploaded)).contains("value=\"new\"");
    Long uploadId = uploadIdOf(uploaded, book.getId());

    // When they choose to create it
    mvc.perform(
            post("/books/{id}/import/{u}/names", book.getId(), uploadId)
                .with(as(issuer))
                .with(csrf())
                .param("departments[0].text", "宣传科乙")
                .param("departments[0].choice", "new")
                .param("departments[0].name", "宣传科乙"))
        .andExpect(redirectedUrl("/books/" + book.getId() + "/import/" + uploadId));

    // Then the department exists, in use, and the preview resolves both rows to it
    Department created =
        departments.findAll().stream()
            .filter(d -> d.getName().equals("宣传科乙"))
            .findFirst()
            .orElseThrow();
    assertThat(created.isActive()).isTrue();
    assertThat(created.getCode()).matches("imp\\d+");
    MvcResult preview =
        mvc.perform(get("/books/{id}/import/{u}", book.getId(), uploadId).with(as(issuer)))
            .andReturn();
    assertThat(preview.getResponse().getStatus()).as(html(preview)).isEqualTo(200);
    assertThat(HtmlTexts.byClass(html(preview), "import-row-new"))
        .containsExactly(
            "2 1 医疗服务 加强宣传 测试医务部 宣传科乙、测试护理部 测试院长 2026-06-30 新增",
            "3 2 医疗服务 院报改版 宣传科乙 测试院长 2026-07-31 新增");
  }

  @Test
  void anAdminCreatesALeaderFromATitleWithNoPasswordAnyoneKnows() throws Exception {
    String issuer = leaderWhoIsAdmin();
    TaskBook book = draftOf(issuer, "名称：新建领导");
    byte[] table =
        new HospitalTable()
            .row("1", "医疗服务", "后勤保障", null, "测试医务部", null, "副院长（后勤丙）", "2026-06-30")
            .xlsx();
    MvcResult uploaded = upload(book.getId(), "新建领导.xlsx", table, issuer);
    Long uploadId = uploadIdOf(uploaded, book.getId());

    // the screen offers the title as the new leader's title, the name to be typed
    assertThat(html(uploaded)).contains("name=\"leaders[0].title\" value=\"副院长（后勤丙）\"");

    mvc.perform(
            post("/books/{id}/import/{u}/names", book.getId(), uploadId)
                .with(as(issuer))
                .with(csrf())
                .param("leaders[0].text", "副院长（后勤丙）")
                .param("leaders[0].choice", "new")
                .param("leaders[0].name", "钱后勤")
                .param("leaders[0].title", "副院长(后勤丙)"))
        .andExpect(redirectedUrl("/books/" + book.getId() + "/import/" + uploadId));

    Person created =
        people.findAll().stream()
            .filter(p -> p.getFullName().equals("钱后勤"))
            .findFirst()
            .orElseThrow();
    assertThat(created.getRoles()).containsExactly(Role.LEADER);
    assertThat(created.getDepartment().getCode()).isEqualTo("tleaders");
    // no password anyone knows: not the test hospital's, not empty, not the name
    assertThat(created.getPasswordHash()).isNotBlank();
    for (String guess :
        new String[] {
          org.duban.TestHospital.PASSWORD, "", created.getUsername(), "123456", "钱后勤"
        }) {
      assertThat(encoder.matches(guess, created.getPasswordHash())).as(guess).isFalse();
    }
    // found by title with the other bracket width, so no other name was needed
    assertThat(personAliases.findByAliasKey(NameKey.of("副院长（后勤丙）"))).isEmpty();
    MvcResult preview =
        mvc.perform(get("/books/{id}/import/{u}", book.getId(), uploadId).with(as(issuer)))
            .andReturn();
    assertThat(HtmlTexts.byClass(html(preview), "import-row-new"))
        .singleElement()
        .satisfies(row -> assertThat(row).contains("钱后勤"));
  }

  @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;

  /** A leader with the admin role too (a small hospital's office head often is both). */
  private String leaderWhoIsAdmin() {
    if (people.findByUsername("tleadadmin").isEmpty()) {
      Person person =
          people.save(
              new Person(
                  "tleadadmin",
                  "测试院办主任",
                  null,
                  encoder.encode(org.duban.TestHospital.PASSWORD),
                  hospital.department("tleaders"),
                  EnumSet.of(Role.LEADER, Role.ADMIN)));
      sync.syncPerson(person);
    }
    return "tleadadmin";
  }

  private TaskBook draftOf(String issuer, String title) {
    org.duban.book.TaskBookFormData data = new org.duban.book.TaskBookFormData();
    data.setTitle(title);
    data.setYear(2026);
    data.setPeriodStart(java.time.LocalDate.of(2026, 1, 1));
    data.setPeriodEnd(java.time.LocalDate.of(2026, 12, 31));
    data.setGoalAreas("医疗服务");
    return taskBooks.createDraft(data, user(issuer));
  }

  static Long uploadIdOf(MvcResult result, Long bookId) {
    Matcher matcher = NAMES_ACTION.matcher(html(result));
    assertThat(matcher.find()).as("the name screen's form on " + html(result)).isTrue();
    assertThat(matcher.group(1)).isEqualTo(bookId.toString());
    return Long.valueOf(matcher.group(2));
  }
}
