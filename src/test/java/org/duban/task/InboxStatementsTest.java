package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.RunningAppTest;
import org.duban.StatementCounter;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemFormData;
import org.duban.checkin.CheckInRounds;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The inbox (我的待办) costs the same number of SQL statements whether it shows 2 tasks or a full page
 * of 50, and pages instead of loading every open task: a department head with hundreds of open
 * tasks must not wait for all of them. Statements are counted at the JDBC connection, so the
 * engine's queries count as well as Hibernate's.
 */
@RunningAppTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxStatementsTest {

  @Autowired MockMvc mvc;
  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired CheckInRounds checkInRounds;
  @Autowired StatementCounter statements;
  @Autowired TaskBookService taskBooks;

  @Autowired DepartmentRepository departments;
  @Autowired PersonRepository people;
  @Autowired EngineIdentitySync sync;
  @Autowired PasswordEncoder encoder;

  /**
   * A department of this test's own and its head, whose inbox the paging test fills: the shared
   * application's other tests give the test hospital's departments tasks of their own.
   */
  private static final String CODE = "tinbox" + Long.toString(System.nanoTime() % 1_000_000, 36);

  private static final String HEAD = CODE + "head";

  @BeforeEach
  void ownDepartmentAndHead() {
    hospital.ensure();
    if (departments.findByCode(CODE).isEmpty()) {
      Department department =
          departments.save(new Department(CODE, "待办计数科室" + CODE, null, DepartmentKind.FUNCTIONAL));
      sync.syncGroups();
      Person head =
          people.save(
              new Person(
                  HEAD,
                  "待办计数主任",
                  null,
                  encoder.encode(TestHospital.PASSWORD),
                  department,
                  EnumSet.of(Role.DEPT_HEAD)));
      sync.syncPerson(head);
    }
  }

  @Test
  @Order(1)
  void aFullPageCostsNoMoreStatementsThanTwoTasksAndPagesShowEveryTaskOnce() throws Exception {
    issueBook("待办计数-小", 1, 2);
    assertThat(workTasks.inbox(hospital.user(HEAD), 0).rows()).hasSize(2);
    long few = statementsOfInbox(0);

    issueBook("待办计数-大", 3, 55);
    WorkTasks.InboxPage firstPage = workTasks.inbox(hospital.user(HEAD), 0);
    assertThat(firstPage.rows()).hasSize(WorkTasks.INBOX_PAGE_SIZE);
    assertThat(firstPage.hasNext()).isTrue();
    long full = statementsOfInbox(0);
    long last = statementsOfInbox(1);

    assertThat(full).as("statements for a page of 50 tasks against a page of 2").isEqualTo(few);
    assertThat(last).as("statements for the last page").isEqualTo(few);

    List<TaskRow> rows = new ArrayList<>(firstPage.rows());
    WorkTasks.InboxPage page = firstPage;
    while (page.hasNext()) {
      page = workTasks.inbox(hospital.user(HEAD), page.page() + 1);
      rows.addAll(page.rows());
    }
    List<Task> open =
        taskService.createTaskQuery().taskCandidateGroup("dept_" + CODE).active().list();
    assertThat(open).hasSize(55);
    assertThat(rows)
        .extracting(TaskRow::id)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(open.stream().map(Task::getId).toList());
    TaskRow row =
        rows.stream().filter(r -> r.subject().endsWith("待办计数-大第7项")).findFirst().orElseThrow();
    assertThat(row.subject()).isEqualTo("7 待办计数-大第7项");
    assertThat(row.processName()).isEqualTo("科室落实工作任务");
    assertThat(row.workItemId()).isNotNull();
    assertThat(row.taskBookId()).isNotNull();

    String html =
        mvc.perform(get("/tasks").param("page", "1").with(user(hospital.user(HEAD))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("/tasks?page=0").contains("上一页").doesNotContain("/tasks?page=2");
  }

  /**
   * A check-in task keeps its item on the multi-instance scope above it, not on its own execution.
   */
  @Test
  @Order(2)
  void aCheckInTaskShowsTheItemOfItsScope() throws Exception {
    IssuedItemFixture.IssuedItem item = fixture.issuedItem("待办填报事项");
    checkInRounds.openNow("tducha");
    Task checkIn = fixture.openCheckInTask(item);
    TaskRow row = null;
    // every page of the inbox: in the shared application the head of 测试医务部 has other tests' tasks
    // too
    for (WorkTasks.InboxPage page = workTasks.inbox(hospital.user("tmedhead"), 0);
        row == null;
        page = workTasks.inbox(hospital.user("tmedhead"), page.page() + 1)) {
      row =
          page.rows().stream().filter(r -> r.id().equals(checkIn.getId())).findFirst().orElse(null);
      assertThat(row != null || page.hasNext())
          .as("the check-in task on some page of the inbox")
          .isTrue();
    }
    assertThat(row.workItemId()).isEqualTo(item.itemId());
    assertThat(row.subject()).isEqualTo("1 待办填报事项");
    assertThat(new TaskContext(row.taskBookId(), row.workItemId(), null).workItemId())
        .isEqualTo(workTasks.context(checkIn).workItemId());
    assertThat(row.taskBookId()).isEqualTo(workTasks.context(checkIn).taskBookId());
  }

  private long statementsOfInbox(int page) throws Exception {
    long before = statements.count();
    mvc.perform(get("/tasks").param("page", String.valueOf(page)).with(user(hospital.user(HEAD))))
        .andExpect(status().isOk());
    return statements.count() - before;
  }

  /** A book of 测试信息中心 items, issued: each item's claim task waits in the department's inbox. */
  private void issueBook(String title, int from, int to) {
    TaskBook book = fixture.draft(title);
    for (int i = from; i <= to; i++) {
      WorkItemFormData form = fixture.itemForm(book, String.valueOf(i), title + "第" + i + "项");
      form.setLeadDepartmentId(departments.findByCode(CODE).orElseThrow().getId());
      form.setCollaboratorIds(List.of());
      taskBooks.addItem(book.getId(), form, hospital.user(IssuedItemFixture.ISSUER));
    }
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        task(instance, "draftTaskBook"), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        task(instance, "reviewTaskBook"),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));
  }

  private String task(String instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }
}
