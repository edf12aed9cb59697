package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.book.BookLevel;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemQueries;
import org.duban.book.WorkItemQueries.SubTaskRow;
import org.duban.infrastructure.EngineClock;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.Department;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.Role;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasks the processes create after someone left (assigned by {@code ${issuer}} and the like) go to
 * their department's head, and sub-tasks name who holds their task after any handover.
 */
class InactiveAssigneeWebTest extends PeopleTestSupport {

  @Autowired WorkTasks workTasks;
  @Autowired TaskBookService taskBooks;
  @Autowired WorkItemQueries itemQueries;
  @Autowired ItemHistory history;
  @Autowired RuntimeService runtimeService;
  @Autowired EngineIdentitySync sync;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aStepAssignedToTheIssuerWhoHasLeftGoesToTheHeadOfTheirDepartment() throws Exception {
    // Given a leader of 院办 who drafted and submitted a task book, and left while it was in review
    Department office = newDepartment("院办");
    Person head = newPerson("院办主任", office, Role.DEPT_HEAD);
    departmentAdmin.lead(office.getId(), head.getId(), List.of());
    Person issuer = newPerson("刘院长", office, Role.LEADER);
    TaskBook book = draftOf(issuer, "离任院长的任务书");
    taskBooks.addItem(
        book.getId(), fixture.itemForm(book, "1", "离任院长的事项"), hospital.user(issuer.getUsername()));
    workTasks.complete(
        bookTask(book, "draftTaskBook").getId(), Map.of(), hospital.user(issuer.getUsername()));
    assertThat(adminPost("/admin/people/" + issuer.getId() + "/deactivate")).isNull();

    // When the reviewer sends it back, which assigns 修改任务书 to ${issuer}
    mvc.perform(
            post("/tasks/{id}", bookTask(book, "reviewTaskBook").getId())
                .with(as(IssuedItemFixture.REVIEWER))
                .with(csrf())
                .param("reviewDecision", "sendBack")
                .param("reviewComment", "请补充指标"))
        .andExpect(status().is3xxRedirection());

    // Then the step lands on 院办's head, who can work on it, and the handover is audited
    Task revise = bookTask(book, "reviseTaskBook");
    assertThat(revise.getAssignee()).isEqualTo(head.getUsername());
    assertThat(workTasks.open(revise.getId(), hospital.user(head.getUsername())).getId())
        .isEqualTo(revise.getId());
    var events = audit("task.handover", revise.getId());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getActor()).isEqualTo(IssuedItemFixture.REVIEWER);
    assertThat(events.get(0).getBefore()).contains(issuer.getUsername());
    assertThat(events.get(0).getAfter()).contains("INACTIVE_ASSIGNEE", head.getUsername());

    // An active issuer's steps are not touched
    Task otherReview = bookTask(fixture.draft("在任院长的任务书"), "draftTaskBook");
    assertThat(otherReview.getAssignee()).isEqualTo(IssuedItemFixture.ISSUER);
    assertThat(audit("task.handover", otherReview.getId())).isEmpty();
  }

  @Test
  void aResponsibilityBookWhoseSignerLeftIsOfferedToTheHeadOfTheirDepartment() throws Exception {
    // Given a leader's responsibility book (分管领导任务书) in review, and its leader has left since
    Department office = newDepartment("党办");
    Person head = newPerson("党办主任", office, Role.DEPT_HEAD);
    departmentAdmin.lead(office.getId(), head.getId(), List.of());
    Person signer = newPerson("孙副院长", office, Role.LEADER);
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle("离任分管领导任务书");
    data.setYear(today.getYear());
    data.setPeriodStart(today.minusDays(30));
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("医疗服务");
    data.setLevel(BookLevel.LEADER);
    data.setResponsiblePersonId(signer.getId());
    TaskBook book = taskBooks.createDraft(data, hospital.user(IssuedItemFixture.ISSUER));
    fixture.addItem(book, "1", "分管事项");
    workTasks.complete(
        bookTask(book, "draftTaskBook").getId(), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    assertThat(adminPost("/admin/people/" + signer.getId() + "/deactivate")).isNull();

    // When the review approves it, which offers 签署 to the leader alone
    workTasks.complete(
        bookTask(book, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));

    // Then the head of 党办 holds it, and it stays theirs to take after handing it back
    Task sign = bookTask(book, "signTaskBook");
    assertThat(sign.getAssignee()).isEqualTo(head.getUsername());
    workTasks.unclaim(sign.getId(), hospital.user(head.getUsername()));
    assertThat(
            taskService
                .createTaskQuery()
                .taskId(sign.getId())
                .taskCandidateUser(head.getUsername())
                .count())
        .isEqualTo(1);
    assertThat(audit("task.handover", sign.getId()).get(0).getAfter())
        .contains("INACTIVE_ASSIGNEE", head.getUsername(), signer.getUsername());
  }

  @Test
  void aSubTaskNamesTheHeadOnceItsTaskIsHandedOverWhenItsPersonLeaves() throws Exception {
    Person staff = newPerson("蒋干事", hospital.department("tmedical"), Role.STAFF);
    IssuedItem item = brokenDownFor(staff, "子任务移交事项");
    Task subTask = fixture.openTask(item, "doSubTask");
    assertThat(subTask.getAssignee()).isEqualTo(staff.getUsername());
    assertThat(itemQueries.subTasks(item.itemId()))
        .extracting(SubTaskRow::assignee)
        .containsExactly("蒋干事");

    assertThat(adminPost("/admin/people/" + staff.getId() + "/deactivate")).isNull();

    assertThat(taskService.createTaskQuery().taskId(subTask.getId()).singleResult().getAssignee())
        .isEqualTo("tmedhead");
    assertThat(itemQueries.subTasks(item.itemId()))
        .extracting(SubTaskRow::assignee)
        .containsExactly("测试医务主任");
    assertThat(history.ofItem(item.itemId()))
        .filteredOn(e -> e.getKind().equals("SUBTASK_HANDED_OVER"))
        .extracting(ItemEvent::getActor, ItemEvent::getDetail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tadmin", "梳理流程：蒋干事 → 测试医务主任"));
    assertThat(html(get("/items/" + item.itemId()).with(as("tmedhead"))))
        .contains("子任务移交", "梳理流程：蒋干事 → 测试医务主任");

    // And the head reports it done
    workTasks.complete(subTask.getId(), Map.of("report", "已梳理完毕"), hospital.user("tmedhead"));
    assertThat(itemQueries.subTasks(item.itemId()))
        .extracting(SubTaskRow::status)
        .containsExactly(org.duban.book.SubTask.Status.DONE);
  }

  @Test
  void aSubTaskStepRestartedForSomeoneWhoLeftGoesToTheHeadAndTheSubTaskSaysSo() throws Exception {
    // Given a sub-task of a staff member who is inactive, left as records of people who left before
    // handovers existed are (no handover ran), its task not open any more
    Person staff = newPerson("韩干事", hospital.department("tmedical"), Role.STAFF);
    IssuedItem item = brokenDownFor(staff, "重启子任务事项");
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              Person person = people.findById(staff.getId()).orElseThrow();
              person.deactivate();
              sync.syncPerson(person);
            });
    String instanceId = fixture.openTask(item, "doSubTask").getProcessInstanceId();
    String oldStep =
        runtimeService
            .getActivityInstance(instanceId)
            .getActivityInstances("doSubTask#multiInstanceBody")[0]
            .getId();

    // When an admin restarts the sub-task step (as in Cockpit's modification)
    runtimeService
        .createProcessInstanceModification(instanceId)
        .startBeforeActivity("doSubTask#multiInstanceBody")
        .cancelActivityInstance(oldStep)
        .execute();

    // Then the new task is the head's, audited, and the sub-task names the head
    Task restarted = fixture.openTask(item, "doSubTask");
    assertThat(restarted.getAssignee()).isEqualTo("tmedhead");
    assertThat(audit("task.handover", restarted.getId()).get(0).getAfter())
        .contains("INACTIVE_ASSIGNEE");
    assertThat(itemQueries.subTasks(item.itemId()))
        .extracting(SubTaskRow::assignee)
        .containsExactly("测试医务主任");
    assertThat(history.ofItem(item.itemId()))
        .filteredOn(e -> e.getKind().equals("SUBTASK_HANDED_OVER"))
        .extracting(ItemEvent::getDetail)
        .containsExactly("梳理流程：韩干事 → 测试医务主任");
  }

  /** An item of 测试医务部, claimed by its head and broken down into one sub-task for this person. */
  private IssuedItem brokenDownFor(Person person, String title) {
    IssuedItem item = fixture.issuedItem(title);
    workTasks.complete(
        fixture.openTask(item, "claimItem").getId(),
        Map.of("claimDecision", "claim"),
        hospital.user("tmedhead"));
    workTasks.complete(
        fixture.openTask(item, "breakDownItem").getId(),
        Map.of(
            "subTasks",
            List.of(
                Map.of(
                    "title",
                    "梳理流程",
                    "assignee",
                    "user:" + person.getUsername(),
                    "dueDate",
                    EngineClock.today().plusDays(10)))),
        hospital.user("tmedhead"));
    return item;
  }

  private TaskBook draftOf(Person leader, String title) {
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(today.getYear());
    data.setPeriodStart(today.minusDays(30));
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("医疗服务");
    return taskBooks.createDraft(data, hospital.user(leader.getUsername()));
  }

  private Task bookTask(TaskBook book, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(book.getProcessInstanceId())
        .taskDefinitionKey(key)
        .singleResult();
  }
}
