package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.WebTestSupport;
import org.duban.change.ChangeFormData;
import org.duban.change.ChangeRequestRepository;
import org.duban.change.ChangeService;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A department with nobody who could act for it (no head, deputy or DEPT_HEAD member) is not given
 * work silently: with the default setting (duban.issuing.empty-department: refuse) submitting and
 * approving a book that hands it an item are refused, naming it, and nothing changes.
 */
class EmptyDepartmentIssuingTest extends WebTestSupport {

  @Autowired TaskBookService taskBooks;
  @Autowired TaskBookRepository books;
  @Autowired WorkItemRepository items;
  @Autowired DepartmentRepository departments;
  @Autowired PersonRepository people;
  @Autowired WorkTasks workTasks;
  @Autowired RuntimeService runtimeService;
  @Autowired ItemHistory history;
  @Autowired MessageSource messages;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired WorkItemQueries itemQueries;
  @Autowired ChangeService changes;
  @Autowired ChangeRequestRepository changeRequests;

  @Test
  void submittingABookWithAnItemForADepartmentWithNobodyIsRefusedWithItsNameAndNothingChanges()
      throws Exception {
    // Given a draft with one item for 测试医务部 and one for a new department nobody is in
    Department empty = department("无人科室");
    TaskBook book = fixture.draft("交给无人科室的任务书");
    fixture.addItem(book, "1", "医务部的事项");
    WorkItem orphan = addItemLedBy(book, "2", "无人科室的事项", empty);
    Task draft = task(book, "draftTaskBook");
    int events = history.ofBook(book.getId()).size();

    // When the drafter submits it on the task page
    String page =
        mvc.perform(
                post("/tasks/{id}", draft.getId())
                    .with(user(hospital.user(IssuedItemFixture.ISSUER)))
                    .with(csrf())
                    .param("submitNote", "请审核"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    // Then the page names the department, and only it, and nothing changed
    assertThat(page).contains("不能向其下达任务：" + empty.getName() + "。");
    assertThat(page).doesNotContain("不能向其下达任务：测试医务部");
    assertThat(books.findById(book.getId()).orElseThrow().getStatus())
        .isEqualTo(TaskBookStatus.DRAFT);
    assertThat(task(book, "draftTaskBook").getId()).isEqualTo(draft.getId());
    assertThat(history.ofBook(book.getId())).hasSize(events);
    assertThat(items.findById(orphan.getId()).orElseThrow().getStage())
        .isEqualTo(orphan.getStage());
    // and the English message names it as clearly
    assertThat(
            messages.getMessage(
                "book.issue.emptyDepartments", new Object[] {empty.getName()}, Locale.ENGLISH))
        .startsWith("Nobody could act for these departments")
        .contains(empty.getName());
  }

  @Test
  void approvingIsRefusedWhenTheDepartmentsOnlyHeadLeftWhileTheBookWasInReview() {
    // Given a book for a department whose one head was there when it was submitted
    Department department = department("将空科室");
    Person head =
        people.save(
            new Person(
                department.getCode() + "h",
                "将离任主任",
                null,
                "-",
                department,
                EnumSet.of(Role.DEPT_HEAD)));
    TaskBook book = fixture.draft("审核中科室空缺的任务书");
    WorkItem item = addItemLedBy(book, "1", "将空科室的事项", department);
    workTasks.complete(
        task(book, "draftTaskBook").getId(), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    // and who left before the review
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(s -> people.findById(head.getId()).orElseThrow().deactivate());
    Task review = task(book, "reviewTaskBook");
    int events = history.ofBook(book.getId()).size();

    // When the reviewer approves, which would issue the book
    assertThatThrownBy(
            () ->
                workTasks.complete(
                    review.getId(),
                    Map.of("reviewDecision", "approve"),
                    hospital.user(IssuedItemFixture.REVIEWER)))
        .isInstanceOfSatisfying(
            UserError.class,
            rejected -> {
              assertThat(rejected.key()).isEqualTo("book.issue.emptyDepartments");
              assertThat(rejected.args()).containsExactly(department.getName());
            });

    // Then nothing was issued: the review waits, no department work started, the item is as it was
    assertThat(task(book, "reviewTaskBook").getId()).isEqualTo(review.getId());
    assertThat(books.findById(book.getId()).orElseThrow().getStatus())
        .isEqualTo(TaskBookStatus.IN_REVIEW);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("item-" + item.getId())
                .count())
        .isZero();
    assertThat(items.findById(item.getId()).orElseThrow().getStage()).isEqualTo(ItemStage.DRAFT);
    assertThat(history.ofBook(book.getId())).hasSize(events);
  }

  @Test
  void anItemIsNotHandedOnToADepartmentWithNobodyByADisputeOrAChangeRequest() {
    // Given an issued item of 测试医务部, which disputes it, and a department nobody is in
    Department empty = department("改派无人科室");
    IssuedItemFixture.IssuedItem issued = fixture.issuedItem("改派给无人科室的事项");
    workTasks.complete(
        fixture.openTask(issued, "claimItem").getId(),
        Map.of("claimDecision", "dispute", "disputeReason", "不归本部门"),
        hospital.user("tmedhead"));
    Task resolve = fixture.openTask(issued, "resolveDispute");
    int events = history.ofItem(issued.itemId()).size();

    // When the issuer reassigns it to the empty department, it is refused with its name, nothing
    // changed
    assertThatThrownBy(
            () ->
                workTasks.complete(
                    resolve.getId(),
                    Map.of(
                        "disputeResolution",
                        "reassign",
                        "newLeadDepartment",
                        String.valueOf(empty.getId())),
                    hospital.user(IssuedItemFixture.ISSUER)))
        .isInstanceOfSatisfying(
            UserError.class,
            rejected -> {
              assertThat(rejected.field()).isEqualTo("newLeadDepartment");
              assertThat(rejected.args()).containsExactly(empty.getName());
            });
    assertThat(fixture.openTask(issued, "resolveDispute").getId()).isEqualTo(resolve.getId());
    assertThat(items.findById(issued.itemId()).orElseThrow().getLeadDepartment().getId())
        .isEqualTo(hospital.department("tmedical").getId());
    assertThat(history.ofItem(issued.itemId())).hasSize(events);

    // And a change request moving it there is refused beside the lead department
    workTasks.complete(
        resolve.getId(),
        Map.of("disputeResolution", "insist"),
        hospital.user(IssuedItemFixture.ISSUER));
    var item = itemQueries.summary(issued.itemId());
    ChangeFormData change = new ChangeFormData();
    change.setTitle(item.title());
    change.setTargetText(item.targetText());
    change.setLeadDepartmentId(empty.getId());
    change.setLeaderInChargeId(hospital.personId("tincharge"));
    change.setDeadline(item.deadline());
    change.setAcceptanceCriteria(item.acceptanceCriteria());
    change.setReason("改由无人科室牵头");
    long requests = changeRequests.count();
    assertThatThrownBy(() -> changes.propose(issued.itemId(), change, hospital.user("tmedhead")))
        .isInstanceOfSatisfying(
            UserError.class,
            rejected -> {
              assertThat(rejected.field()).isEqualTo("leadDepartmentId");
              assertThat(rejected.key()).isEqualTo("change.leadDepartment.empty");
            });
    assertThat(changeRequests.count()).isEqualTo(requests);
  }

  private Department department(String name) {
    String code = "te" + Long.toString(System.nanoTime() % 10_000_000, 36);
    return departments.save(new Department(code, name + code, null, DepartmentKind.FUNCTIONAL));
  }

  private WorkItem addItemLedBy(TaskBook book, String seq, String title, Department lead) {
    WorkItemFormData form = fixture.itemForm(book, seq, title);
    form.setLeadDepartmentId(lead.getId());
    form.setCollaboratorIds(List.of());
    return taskBooks.addItem(book.getId(), form, hospital.user(IssuedItemFixture.ISSUER));
  }

  private Task task(TaskBook book, String key) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceId(book.getProcessInstanceId())
            .taskDefinitionKey(key)
            .list();
    assertThat(tasks).as("open %s tasks", key).hasSize(1);
    return tasks.get(0);
  }
}
