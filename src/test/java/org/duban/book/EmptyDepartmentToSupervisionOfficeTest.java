package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.EmptyDepartments;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With duban.issuing.empty-department: supervision-office, a book handing an item to a department
 * nobody could act for is issued, the item's tasks go to the supervision office (督查室, role group
 * role_supervision), the reviewer is warned before approving, the book's page warns its readers and
 * the item's history says where its tasks went.
 */
@RunningAppTest
class EmptyDepartmentToSupervisionOfficeTest {

  @Autowired MockMvc mvc;
  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired TaskBookService taskBooks;
  @Autowired DepartmentRepository departments;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired ItemHistory history;
  @Autowired EmptyDepartments emptyDepartments;

  private EmptyDepartments.Rule ruleBefore;

  /**
   * duban.issuing.empty-department=supervision-office, in the shared application for this test
   * only.
   */
  @BeforeEach
  void emptyDepartmentsGoToTheSupervisionOffice() {
    ruleBefore = emptyDepartments.rule();
    emptyDepartments.setRule(EmptyDepartments.Rule.SUPERVISION_OFFICE);
  }

  @AfterEach
  void ruleAsBefore() {
    emptyDepartments.setRule(ruleBefore);
  }

  @Test
  void theTasksOfADepartmentWithNobodyGoToTheSupervisionOfficeWithAWarning() throws Exception {
    hospital.ensure();
    // Given a draft whose one item is led by a department nobody is in
    String code = "ts" + Long.toString(System.nanoTime() % 10_000_000, 36);
    Department empty =
        departments.save(new Department(code, "无人科室" + code, null, DepartmentKind.FUNCTIONAL));
    TaskBook book = fixture.draft("转督查室的任务书");
    WorkItemFormData form = fixture.itemForm(book, "1", "无人科室的事项");
    form.setLeadDepartmentId(empty.getId());
    form.setCollaboratorIds(List.of());
    WorkItem item = taskBooks.addItem(book.getId(), form, hospital.user(IssuedItemFixture.ISSUER));

    // When it is submitted (not refused) and the reviewer opens the review
    workTasks.complete(
        task("book-" + book.getId(), "draftTaskBook").getId(),
        Map.of(),
        hospital.user(IssuedItemFixture.ISSUER));
    Task review = task("book-" + book.getId(), "reviewTaskBook");
    String reviewPage = html("/tasks/" + review.getId(), IssuedItemFixture.REVIEWER);

    // Then the review says, before approving, that the supervision office will handle the
    // department's tasks
    assertThat(reviewPage).contains("其任务由督查室代为办理：" + empty.getName());

    // When the reviewer approves
    workTasks.complete(
        review.getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));

    // Then the claim task is offered to the supervision office, not to the empty department's group
    Task claim = task("item-" + item.getId(), "claimItem");
    List<String> groups =
        taskService.getIdentityLinksForTask(claim.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(IdentityLink::getGroupId)
            .toList();
    assertThat(groups).containsExactly("role_supervision");
    assertThat(
            taskService.createTaskQuery().taskId(claim.getId()).taskCandidateUser("tducha").count())
        .isEqualTo(1);
    // the item's history says where its tasks went and why
    assertThat(history.ofItem(item.getId()))
        .extracting(ItemEvent::getKind, ItemEvent::getDetail)
        .contains(
            org.assertj.core.groups.Tuple.tuple("ITEM_ROUTED_TO_SUPERVISION", empty.getName()));
    // and the book's page warns its issuer
    assertThat(html("/books/" + book.getId(), IssuedItemFixture.ISSUER))
        .contains("其任务由督查室代为办理：" + empty.getName());
  }

  private String html(String url, String username) throws Exception {
    return mvc.perform(get(url).with(user(hospital.user(username))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private Task task(String businessKey, String key) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey)
            .taskDefinitionKey(key)
            .list();
    assertThat(tasks).as("open %s tasks of %s", key, businessKey).hasSize(1);
    return tasks.get(0);
  }
}
