package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemFormData;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.springframework.stereotype.Component;

/**
 * An issued book to assess, made through the services the pages use: goal areas 党建引领 and 医疗服务, two
 * items led by 测试医务部 (one per area) and one led by 测试护理部, all in the charge of {@code tincharge}.
 */
@Component
class AssessmentBooks {

  record Book(
      Long bookId,
      Long partyArea,
      Long medicalArea,
      Long medicalPartyItem,
      Long medicalItem,
      Long nursingItem) {}

  private final TestHospital hospital;
  private final IssuedItemFixture fixture;
  private final TaskBookService taskBooks;
  private final WorkTasks workTasks;
  private final TaskService taskService;

  AssessmentBooks(
      TestHospital hospital,
      IssuedItemFixture fixture,
      TaskBookService taskBooks,
      WorkTasks workTasks,
      TaskService taskService) {
    this.hospital = hospital;
    this.fixture = fixture;
    this.taskBooks = taskBooks;
    this.workTasks = workTasks;
    this.taskService = taskService;
  }

  Book issued(String title, int year) {
    hospital.ensure();
    LocalDate today = EngineClock.today();
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(year);
    // the period includes the book's year (a contradiction is refused), and today
    LocalDate start = today.minusDays(30);
    data.setPeriodStart(start.getYear() > year ? LocalDate.of(year, 1, 1) : start);
    data.setPeriodEnd(today.plusDays(300));
    data.setGoalAreas("党建引领、医疗服务");
    TaskBook book = taskBooks.createDraft(data, hospital.user(IssuedItemFixture.ISSUER));
    Long party = book.getGoalAreas().get(0).getId();
    Long medical = book.getGoalAreas().get(1).getId();
    Long item1 = add(book, "1", "党建工作", party, "tmedical");
    Long item2 = add(book, "2", "缩短住院日", medical, "tmedical");
    Long item3 = add(book, "3", "护理质量", medical, "tnursing");
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        task(instance, "draftTaskBook").getId(), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        task(instance, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));
    return new Book(book.getId(), party, medical, item1, item2, item3);
  }

  private Long add(TaskBook book, String seq, String title, Long area, String department) {
    WorkItemFormData form = fixture.itemForm(book, seq, title);
    form.setGoalAreaId(area);
    form.setLeadDepartmentId(hospital.department(department).getId());
    return taskBooks.addItem(book.getId(), form, hospital.user(IssuedItemFixture.ISSUER)).getId();
  }

  Task task(String processInstanceId, String key) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(key)
            .list();
    assertThat(tasks).as("open %s tasks", key).hasSize(1);
    return tasks.get(0);
  }

  /** The open review task of the department in the assessment's process. */
  Task review(Assessment assessment, String departmentCode) {
    Long departmentId = hospital.department(departmentCode).getId();
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceId(assessment.getProcessInstanceId())
            .taskDefinitionKey("reviewScore")
            .list()
            .stream()
            .filter(t -> departmentId.equals(taskService.getVariable(t.getId(), "departmentId")))
            .toList();
    assertThat(tasks).as("review of %s", departmentCode).hasSize(1);
    return tasks.get(0);
  }
}
