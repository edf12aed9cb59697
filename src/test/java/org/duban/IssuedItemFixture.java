package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.book.BookLevel;
import org.duban.book.IndicatorDirection;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemFormData;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.springframework.stereotype.Component;

/**
 * Task books and issued items for Spring tests, made through the same service calls the pages make:
 * {@code tleader} drafts, {@code treviewer} approves, and each item is led by 测试医务部 (group {@code
 * dept_tmedical}) with 测试信息中心 collaborating and one indicator. 测试护理部 has no part in it.
 */
@Component
public class IssuedItemFixture {

  public static final String ISSUER = "tleader";
  public static final String REVIEWER = "treviewer";

  private final TestHospital hospital;
  private final TaskBookService taskBooks;
  private final WorkTasks workTasks;
  private final TaskService taskService;

  IssuedItemFixture(
      TestHospital hospital,
      TaskBookService taskBooks,
      WorkTasks workTasks,
      TaskService taskService) {
    this.hospital = hospital;
    this.taskBooks = taskBooks;
    this.workTasks = workTasks;
    this.taskService = taskService;
  }

  /** An item of a book that has been issued: it waits for its lead department to claim it. */
  public record IssuedItem(Long bookId, Long itemId) {
    public String businessKey() {
      return "item-" + itemId;
    }
  }

  /** A draft of {@link #ISSUER}, running from 30 days ago to 300 days ahead, with one goal area. */
  public TaskBook draft(String title) {
    hospital.ensure();
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(today.getYear());
    data.setPeriodStart(today.minusDays(30));
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("医疗服务");
    return taskBooks.createDraft(data, hospital.user(ISSUER));
  }

  /** A valid item row for the book's first goal area, led by 测试医务部. */
  public WorkItemFormData itemForm(TaskBook book, String seq, String title) {
    WorkItemFormData data = new WorkItemFormData();
    data.setGoalAreaId(book.getGoalAreas().get(0).getId());
    data.setSeq(seq);
    data.setTitle(title);
    data.setTargetText("平均住院日≤6.5天");
    data.setLeadDepartmentId(hospital.department("tmedical").getId());
    data.setCollaboratorIds(List.of(hospital.department("tit").getId()));
    data.setLeaderInChargeId(hospital.personId("tincharge"));
    data.setDeadline(EngineClock.today().plusDays(200));
    data.setIndicatorName("平均住院日");
    data.setIndicatorUnit("天");
    data.setIndicatorDirection(IndicatorDirection.LE);
    data.setIndicatorBaseline(new BigDecimal("7.2"));
    data.setIndicatorTarget(new BigDecimal("6.5"));
    return data;
  }

  public WorkItem addItem(TaskBook book, String seq, String title) {
    return taskBooks.addItem(book.getId(), itemForm(book, seq, title), hospital.user(ISSUER));
  }

  /** A new book with one item, submitted and approved: the item's claim task is open. */
  public IssuedItem issuedItem(String title) {
    return issuedItemLedBy(title, "tmedical");
  }

  /** As {@link #issuedItem}, the item led by the test hospital's department of this code. */
  public IssuedItem issuedItemLedBy(String title, String departmentCode) {
    TaskBook book = draft(title + "任务书");
    WorkItemFormData form = itemForm(book, "1", title);
    form.setLeadDepartmentId(hospital.department(departmentCode).getId());
    WorkItem item = taskBooks.addItem(book.getId(), form, hospital.user(ISSUER));
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        singleTask(instance, "draftTaskBook").getId(), Map.of(), hospital.user(ISSUER));
    workTasks.complete(
        singleTask(instance, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user(REVIEWER));
    return new IssuedItem(book.getId(), item.getId());
  }

  /**
   * A draft department book of the department with this code, one level below {@code parent}, over
   * its period.
   */
  public TaskBook departmentDraftUnder(TaskBook parent, String departmentCode, String title) {
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(parent.getYear());
    data.setPeriodStart(parent.getPeriodStart());
    data.setPeriodEnd(parent.getPeriodEnd());
    data.setGoalAreas("医疗服务");
    data.setLevel(BookLevel.DEPARTMENT);
    data.setParentId(parent.getId());
    data.setResponsibleDepartmentId(hospital.department(departmentCode).getId());
    return taskBooks.createDraft(data, hospital.user(ISSUER));
  }

  /**
   * A department's responsibility book (目标责任书) of 测试医务部 with one item, submitted and approved: its
   * signing task is open for the department, and the item waits to be claimed.
   */
  public IssuedItem issuedDepartmentBook(String title) {
    hospital.ensure();
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(today.getYear());
    data.setPeriodStart(today.minusDays(30));
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("医疗服务");
    data.setLevel(BookLevel.DEPARTMENT);
    data.setResponsibleDepartmentId(hospital.department("tmedical").getId());
    TaskBook book = taskBooks.createDraft(data, hospital.user(ISSUER));
    WorkItem item = addItem(book, "1", title + "事项");
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        singleTask(instance, "draftTaskBook").getId(), Map.of(), hospital.user(ISSUER));
    workTasks.complete(
        singleTask(instance, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user(REVIEWER));
    return new IssuedItem(book.getId(), item.getId());
  }

  /**
   * Adds to the draft one item led by 测试医务部 and one by 测试护理部 (no collaborators), then has it
   * submitted and approved: a book two departments share.
   */
  public TaskBook issueSharedBook(TaskBook draft, String medicalItem, String nursingItem) {
    taskBooks.addItem(draft.getId(), itemForm(draft, "1", medicalItem), hospital.user(ISSUER));
    WorkItemFormData nursing = itemForm(draft, "2", nursingItem);
    nursing.setLeadDepartmentId(hospital.department("tnursing").getId());
    nursing.setCollaboratorIds(List.of());
    taskBooks.addItem(draft.getId(), nursing, hospital.user(ISSUER));
    IssuedItem issued = new IssuedItem(draft.getId(), null);
    workTasks.complete(
        openBookTask(issued, "draftTaskBook").getId(), Map.of(), hospital.user(ISSUER));
    workTasks.complete(
        openBookTask(issued, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user(REVIEWER));
    return draft;
  }

  /** The one open task with this definition key in the book's issuance process. */
  public Task openBookTask(IssuedItem book, String taskKey) {
    return singleTask("book-" + book.bookId(), taskKey);
  }

  /** The one open task with this definition key in the item's department work or escalation. */
  public Task openTask(IssuedItem item, String taskKey) {
    return singleTask(item.businessKey(), taskKey);
  }

  /** The open monthly check-in task of the item, after a round was opened. */
  public Task openCheckInTask(IssuedItem item) {
    List<Task> tasks =
        taskService.createTaskQuery().taskDefinitionKey("submitCheckIn").active().list().stream()
            .filter(t -> item.itemId().equals(taskService.getVariable(t.getId(), "workItemId")))
            .toList();
    assertThat(tasks).as("open check-in tasks of item %s", item.itemId()).hasSize(1);
    return tasks.get(0);
  }

  private Task singleTask(String instanceOrBusinessKey, String taskKey) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .or()
            .processInstanceId(instanceOrBusinessKey)
            .processInstanceBusinessKey(instanceOrBusinessKey)
            .endOr()
            .taskDefinitionKey(taskKey)
            .list();
    assertThat(tasks).as("open %s tasks in %s", taskKey, instanceOrBusinessKey).hasSize(1);
    return tasks.get(0);
  }
}
