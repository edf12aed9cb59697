package org.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemQueries;
import org.duban.book.WorkItemRepository;
import org.duban.decomposition.HospitalTable;
import org.duban.infrastructure.EngineClock;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15's first day, in a real browser: a decomposition table written as hospitals write them
 * (departments 医务科, 党政综合办, 组织人事科; leaders by title 党委书记, 院长, 副院长（业务）, and 业务副院长) goes into a
 * hospital that calls those departments 医务部, 党委办公室 and 人力资源部 and whose vice-president's title has
 * half-width brackets. The titles resolve by themselves; the office head maps the other names (and
 * creates 宣传科, which the hospital lacks) on one screen, and every row lands with its indicators.
 * The table is the office's own: an old .xls, its own headers (牵头单位, 责任领导, 时间节点, 工作目标), 目标领域 and
 * 牵头单位 merged over the rows they span, and indicator columns.
 *
 * <p>The departments and leaders of this hospital would show in other tests' lists, so it runs in
 * an application of its own, closed afterwards: the one of {@code DecompositionNameScreenWebTest},
 * whose names differ from these, when it ran before in the same test JVM (one Spring start less).
 */
@RunningAppTest
@TestPropertySource(properties = "duban.test.context=own-names")
@DirtiesContext
class HospitalTableBrowserTest {

  private static final String OFFICE_HEAD = "bbanzhuren";

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired DepartmentRepository departments;
  @Autowired PersonRepository people;
  @Autowired EngineIdentitySync sync;
  @Autowired PasswordEncoder encoder;
  @Autowired TaskBookService taskBooks;
  @Autowired WorkItemQueries items;
  @Autowired WorkItemRepository workItems;
  @Autowired TransactionTemplate transactions;

  Browser browser;

  @BeforeEach
  void aHospitalWithItsOwnNames() {
    hospital.ensure();
    if (departments.findByCode("bmedical").isEmpty()) {
      Department leaders = hospital.department("tleaders");
      departments.save(new Department("bmedical", "医务部", null, DepartmentKind.FUNCTIONAL));
      departments.save(new Department("boffice", "党委办公室", "党办", DepartmentKind.FUNCTIONAL));
      departments.save(new Department("bhr", "人力资源部", "人事", DepartmentKind.FUNCTIONAL));
      sync.syncGroups();
      person("bshuji", "王建国", "党委书记", leaders, Role.LEADER);
      person("byuanzhang", "李明华", "院长", leaders, Role.LEADER);
      person("byewu", "陈志强", "副院长(业务)", leaders, Role.LEADER);
      // the office head drafts books and, being an admin too, may create what the hospital lacks
      person(OFFICE_HEAD, "周主任", "党政办主任", leaders, Role.LEADER, Role.ADMIN);
    }
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private void person(
      String username, String name, String title, Department department, Role... roles) {
    Person person =
        people.save(
            new Person(
                username,
                name,
                title,
                encoder.encode(TestHospital.PASSWORD),
                department,
                EnumSet.of(roles[0], roles)));
    sync.syncPerson(person);
  }

  @Test
  void aTableInTheHospitalsOwnNamesIsMappedOnOneScreenAndEveryRowLands(@TempDir Path dir)
      throws Exception {
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle("党政办年度目标任务（医院写法）");
    data.setYear(today.getYear());
    data.setPeriodStart(today.minusDays(30));
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("医疗服务");
    TaskBook book = taskBooks.createDraft(data, hospital.user(OFFICE_HEAD));
    String deadline = today.plusDays(90).toString();
    // saved by WPS as Excel 97-2003, with the office's own headers; 目标领域 and 牵头单位 span rows as
    // offices merge them (the second and fourth rows' cells are empty under the merged regions)
    Path table = dir.resolve("2026年目标任务分解表.xls");
    Files.write(
        table,
        new HospitalTable()
            .header(
                "序号", "目标领域", "重点工作", "工作目标", "牵头单位", "配合单位", "责任领导", "时间节点", "指标名称", "比较方式", "目标值",
                "单位", "基线值")
            .cells(
                "1",
                "医疗服务",
                "缩短平均住院日",
                "平均住院日≤6.5天",
                "医务科",
                "组织人事科",
                "副院长（业务）",
                deadline,
                "平均住院日；术前待床日",
                "≤；≤",
                "6.5；2",
                "天；天",
                "7.2；2.6")
            .cells(
                "2",
                null,
                "提升日间手术占比",
                null,
                "医务科",
                "党政综合办",
                "业务副院长",
                deadline,
                "日间手术占择期手术比例",
                "≥",
                "25",
                "%",
                "18")
            .cells("3", "党的建设", "落实党委领导下的院长负责制", null, "党政综合办", "医务科、宣传科", "党委书记", deadline)
            .cells(
                "4",
                null,
                "加强医院文化宣传",
                null,
                null,
                "宣传科",
                "党委书记",
                deadline,
                "院内新闻稿件数",
                "持续提升",
                null,
                "篇",
                "120")
            .cells("5", "人才队伍", "引进学科带头人", "引进学科带头人2名", "宣传科", null, "院长", deadline)
            .merge(1, 2, 1)
            .merge(3, 4, 1)
            .merge(3, 4, 4)
            .xls());

    // the office head uploads the table as the hospital wrote it
    browser.logIn(OFFICE_HEAD, TestHospital.PASSWORD);
    browser.open("/books/" + book.getId() + "/import");
    browser
        .driver()
        .findElement(By.id("decomposition-file"))
        .sendKeys(table.toAbsolutePath().toString());
    browser.click("//button[normalize-space()='上传并预览']");

    // nothing is imported; one screen lists each unknown name once, the titles having resolved
    // themselves
    String screen = browser.waitForText("表中的名称", "未导入任何内容");
    List<String> asked =
        browser.driver().findElements(By.className("unmatched-name")).stream()
            .map(e -> e.getText())
            .toList();
    assertThat(asked).containsExactly("医务科", "组织人事科", "党政综合办", "宣传科", "业务副院长");
    assertThat(screen).doesNotContain("“党委书记”不是", "“院长”不是", "“副院长（业务）”不是");

    // each name is mapped, or created, on that one screen, and submitted once
    browser.fill("医务科", "医务部");
    browser.fill("组织人事科", "人力资源部");
    browser.fill("党政综合办", "党委办公室");
    browser.fill("宣传科", "＋ 新建部门");
    browser.fill("业务副院长", "陈志强（副院长(业务)）");
    browser.clickButton("保存这些名称并重新预览");

    // the preview, planned again, has every row resolved to the hospital's own names
    String preview = browser.waitForText("已保存表中名称的对应关系", "确认导入 5 项事项");
    assertThat(browser.driver().findElements(By.className("import-row-new"))).hasSize(5);
    assertThat(preview).contains("医务部", "人力资源部", "党委办公室", "宣传科", "王建国", "李明华", "陈志强");
    assertThat(browser.driver().findElements(By.className("unmatched-name"))).isEmpty();

    browser.clickButton("确认导入 5 项事项");
    browser.waitForText("分解表已导入");

    List<ItemSummary> landed = items.visibleItemsOfBook(book.getId(), hospital.user(OFFICE_HEAD));
    assertThat(landed)
        .extracting(ItemSummary::seq, ItemSummary::leadDepartment, ItemSummary::leaderInCharge)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "医务部", "陈志强"),
            org.assertj.core.groups.Tuple.tuple("2", "医务部", "陈志强"),
            org.assertj.core.groups.Tuple.tuple("3", "党委办公室", "王建国"),
            org.assertj.core.groups.Tuple.tuple("4", "党委办公室", "王建国"),
            org.assertj.core.groups.Tuple.tuple("5", "宣传科", "李明华"));
    // the merged 目标领域 counts for both rows it spans
    assertThat(landed)
        .extracting(ItemSummary::goalArea)
        .containsExactly("医疗服务", "医疗服务", "党的建设", "党的建设", "人才队伍");
    assertThat(landed.get(2).collaborators()).containsExactlyInAnyOrder("医务部", "宣传科");
    // and every row's indicators landed with it
    assertThat(indicatorsOfBook(book.getId()))
        .containsExactly(
            "1:平均住院日≤6.5天(7.2)", "1:术前待床日≤2天(2.6)", "2:日间手术占择期手术比例≥25%(18)", "4:院内新闻稿件数↑篇(120)");
  }

  private List<String> indicatorsOfBook(Long bookId) {
    return transactions.execute(
        status ->
            workItems.findByTaskBookIdOrderByIdAsc(bookId).stream()
                .flatMap(
                    item ->
                        item.getIndicators().stream()
                            .map(
                                i ->
                                    item.getSeq()
                                        + ":"
                                        + i.getName()
                                        + i.getDirection().symbol()
                                        + (i.getTarget() == null
                                            ? ""
                                            : i.getTarget().stripTrailingZeros().toPlainString())
                                        + (i.getUnit() == null ? "" : i.getUnit())
                                        + "("
                                        + i.getBaseline().stripTrailingZeros().toPlainString()
                                        + ")"))
                .toList());
  }
}
