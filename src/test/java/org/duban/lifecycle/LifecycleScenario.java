package org.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.duban.TestHospital;
import org.duban.book.IndicatorDirection;
import org.duban.book.ItemStage;
import org.duban.book.ItemStates;
import org.duban.book.Light;
import org.duban.book.SubTask;
import org.duban.book.SubTaskRepository;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookRepository;
import org.duban.book.TaskBookService;
import org.duban.book.TaskBookStatus;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemFormData;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.CheckIn;
import org.duban.checkin.CheckInRepository;
import org.duban.checkin.CheckInRounds;
import org.duban.checkin.IndicatorChart;
import org.duban.checkin.IndicatorCharts;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.ladder.Escalation;
import org.duban.ladder.EscalationRepository;
import org.duban.ladder.SupervisionNotice;
import org.duban.ladder.SupervisionNoticeRepository;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationRepository;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One work item from a leader's new task book to the supervision office's sign-off and the book's
 * closing, through the same service calls the pages make, on a real engine and database. Subclasses
 * choose the database.
 */
abstract class LifecycleScenario {

  @Autowired TestHospital hospital;
  @Autowired TaskBookService taskBooks;
  @Autowired WorkTasks workTasks;
  @Autowired CheckInRounds checkInRounds;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskBookRepository books;
  @Autowired WorkItemRepository items;
  @Autowired SubTaskRepository subTasks;
  @Autowired CheckInRepository checkIns;
  @Autowired EscalationRepository escalations;
  @Autowired SupervisionNoticeRepository notices;
  @Autowired RectificationRepository rectifications;
  @Autowired ItemHistory history;
  @Autowired org.duban.calendar.WorkCalendar workCalendar;
  @Autowired IndicatorCharts indicatorCharts;
  @Autowired org.duban.light.WeeklySupervisionService weeklySupervision;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

  @BeforeEach
  void hospital() {
    hospital.ensure();
  }

  @Test
  void oneItemTravelsFromIssuanceThroughEscalationToSignOffAndTheBookCloses() {
    LocalDate today = EngineClock.today();
    // Given a draft whose period is mostly over, so that a slow item is far behind 序时进度
    TaskBookFormData bookForm = new TaskBookFormData();
    bookForm.setTitle("生命周期测试任务书");
    bookForm.setYear(today.getYear());
    bookForm.setPeriodStart(today.minusDays(330));
    bookForm.setPeriodEnd(today.plusDays(30));
    bookForm.setGoalAreas("医疗服务");
    TaskBook book = taskBooks.createDraft(bookForm, hospital.user("tleader"));
    WorkItem item =
        taskBooks.addItem(
            book.getId(), itemForm(book, today.plusDays(30)), hospital.user("tleader"));
    // whose work began with the book (a sheet's start date): its 序时进度 runs from then, not from its
    // issue
    transaction.executeWithoutResult(
        status ->
            ItemStates.startOn(
                items.findById(item.getId()).orElseThrow(), bookForm.getPeriodStart()));
    String bookInstance = book.getProcessInstanceId();

    // When the draft is submitted, sent back with a reason, revised and approved
    complete(bookInstance, "draftTaskBook", "tleader", Map.of());
    assertThat(books.findById(book.getId()).orElseThrow().getStatus())
        .isEqualTo(TaskBookStatus.IN_REVIEW);
    assertThatThrownBy(
            () ->
                complete(
                    bookInstance,
                    "reviewTaskBook",
                    "treviewer",
                    Map.of("reviewDecision", "sendBack")))
        .isInstanceOf(UserError.class);
    complete(
        bookInstance,
        "reviewTaskBook",
        "treviewer",
        Map.of("reviewDecision", "sendBack", "reviewComment", "指标需量化"));
    assertThat(books.findById(book.getId()).orElseThrow().getStatus())
        .isEqualTo(TaskBookStatus.DRAFT);
    complete(bookInstance, "reviseTaskBook", "tleader", Map.of("revisionNote", "已量化指标"));
    complete(bookInstance, "reviewTaskBook", "treviewer", Map.of("reviewDecision", "approve"));

    // Then the book is issued and the item waits for its lead department
    assertThat(books.findById(book.getId()).orElseThrow().getStatus())
        .isEqualTo(TaskBookStatus.ISSUED);
    assertThat(stage(item)).isEqualTo(ItemStage.AWAITING_CLAIM);
    String itemKey = "item-" + item.getId();
    Task claim = task(itemKey, "claimItem");
    assertThat(taskService.getIdentityLinksForTask(claim.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("dept_tmedical"));

    // When the department claims and breaks it down for a person and a collaborating department
    complete(itemKey, "claimItem", "tmedhead", Map.of("claimDecision", "claim"));
    complete(
        itemKey,
        "breakDownItem",
        "tmedhead",
        Map.of(
            "subTasks",
            List.of(
                row("梳理病种目录", "user:tmedstaff", today.plusDays(10)),
                row("床位信息化改造", "dept:" + hospital.department("tit").getId(), today.plusDays(20)))));
    assertThat(stage(item)).isEqualTo(ItemStage.IN_PROGRESS);
    List<Task> subTaskTasks =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(itemKey)
            .taskDefinitionKey("doSubTask")
            .list();
    assertThat(subTaskTasks).hasSize(2);
    assertThat(subTaskTasks).anySatisfy(t -> assertThat(t.getAssignee()).isEqualTo("tmedstaff"));

    // and both assignees report their sub-tasks done
    workTasks.complete(
        taskAssignedTo(subTaskTasks, "tmedstaff").getId(),
        Map.of("report", "目录已印发执行"),
        hospital.user("tmedstaff"));
    Task itTask =
        subTaskTasks.stream().filter(t -> t.getAssignee() == null).findFirst().orElseThrow();
    workTasks.complete(itTask.getId(), Map.of("report", "改造已上线运行"), hospital.user("tithead"));
    assertThat(subTasks.findByWorkItemIdOrderByIdAsc(item.getId()))
        .extracting(SubTask::getStatus)
        .containsOnly(SubTask.Status.DONE);

    // When a monthly round opens and the department reports it is far behind
    checkInRounds.openNow("tducha");
    Task checkInTask = checkInTaskOf(item);
    workTasks.complete(
        checkInTask.getId(),
        Map.of(
            "percentDone",
            BigDecimal.valueOf(20),
            "narrative",
            "推进缓慢",
            "obstacles",
            "信息系统改造滞后",
            "readings",
            List.of(Map.of("value", new BigDecimal("7.1")))),
        hospital.user("tmedhead"));
    CheckIn checkIn = checkIns.findByWorkItemIdOrderByPeriodDesc(item.getId()).get(0);
    assertThat(checkIn.getPercentDone()).isEqualTo(20);
    assertThat(checkIn.getObstacles()).isEqualTo("信息系统改造滞后");
    // and the item page's chart shows the reading, above the 6.5-day target and behind schedule
    List<IndicatorChart> charts = indicatorCharts.of(item.getId());
    assertThat(charts)
        .singleElement()
        .satisfies(
            chart -> {
              assertThat(chart.title()).isEqualTo("平均住院日 ≤ 6.5 天");
              assertThat(chart.readings())
                  .singleElement()
                  .satisfies(
                      point -> {
                        assertThat(point.value()).isEqualTo("7.1");
                        assertThat(point.met()).isFalse();
                        assertThat(point.cssClass()).isEqualTo("behind");
                      });
              assertThat(chart.target().label()).isEqualTo("6.5");
              assertThat(chart.target().y()).isGreaterThan(chart.readings().get(0).y());
            });

    // and the weekly supervision timer fires
    Job weeklyTimer =
        managementService
            .createJobQuery()
            .processDefinitionKey("weeklySupervision")
            .timers()
            .singleResult();
    managementService.executeJob(weeklyTimer.getId());
    weeklySupervision
        .executeJobsOfRunningSweeps(); // one job per chunk and per item, run by hand as the
    // executor would

    // Then the item is red with its reason, and one escalation is open for it
    WorkItem lit = items.findById(item.getId()).orElseThrow();
    assertThat(lit.getLight()).isEqualTo(Light.RED);
    assertThat(lit.getLightReason()).contains("序时进度");
    Escalation escalation = escalations.findByOpenItemId(item.getId()).orElseThrow();
    // a second sweep in the same week opens no second escalation
    runtimeService.startProcessInstanceByKey("weeklySupervision");
    assertThat(escalations.findByWorkItemIdOrderByOpenedAtDesc(item.getId())).hasSize(1);

    // When the office issues a numbered notice
    complete(
        itemKey,
        "triageEscalation",
        "tducha",
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "两周内提交整改方案",
            "noticeDeadline",
            workCalendar.addWorkingDays(today, 10)));
    SupervisionNotice notice = notices.findByWorkItemIdOrderByIssuedAtAsc(item.getId()).get(0);
    assertThat(notice.number()).matches("督〔" + today.getYear() + "〕\\d+号");

    // and the department's plan is sent back once, then accepted, evidenced and signed off
    Map<String, Object> plan =
        Map.of(
            "obstacle",
            "信息系统改造滞后",
            "responsibility",
            "医务部主任",
            "measures",
            "增派工程师",
            "rectificationDeadline",
            workCalendar.addWorkingDays(today, 15));
    complete(itemKey, "submitRectificationPlan", "tmedhead", plan);
    complete(
        itemKey,
        "reviewRectificationPlan",
        "tducha",
        Map.of("planDecision", "sendBack", "planComment", "措施不具体"));
    complete(itemKey, "submitRectificationPlan", "tmedhead", plan);
    complete(itemKey, "reviewRectificationPlan", "tducha", Map.of("planDecision", "accept"));
    complete(itemKey, "submitRectificationEvidence", "tmedhead", Map.of("evidence", "上线截图及运行报告"));
    complete(
        itemKey,
        "signOffRectification",
        "tducha",
        Map.of("signOffDecision", "signOff", "signOffComment", "同意销号"));

    // Then the escalation is closed and the rectification signed off
    assertThat(escalations.findById(escalation.getId()).orElseThrow().getStatus())
        .isEqualTo(Escalation.Status.SIGNED_OFF);
    assertThat(escalations.findByOpenItemId(item.getId())).isEmpty();
    assertThat(rectifications.findByEscalationId(escalation.getId()).orElseThrow().getStatus())
        .isEqualTo(Rectification.Status.SIGNED_OFF);

    // When the department reports completion, is sent back once, and then accepted
    complete(
        itemKey, "submitCompletionReport", "tmedhead", Map.of("completionSummary", "平均住院日6.4天"));
    complete(
        itemKey,
        "acceptItem",
        "tleader",
        Map.of("acceptDecision", "rework", "acceptanceComment", "缺少数据佐证"));
    assertThat(stage(item)).isEqualTo(ItemStage.IN_PROGRESS);
    complete(
        itemKey,
        "submitCompletionReport",
        "tmedhead",
        Map.of("completionSummary", "平均住院日6.4天，附统计报表"));
    complete(itemKey, "acceptItem", "tleader", Map.of("acceptDecision", "accept"));

    // Then the item and, with its only item closed, the book are closed
    assertThat(stage(item)).isEqualTo(ItemStage.CLOSED);
    assertThat(books.findById(book.getId()).orElseThrow().getStatus())
        .isEqualTo(TaskBookStatus.CLOSED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(bookInstance).count())
        .isZero();
    assertThat(history.ofItem(item.getId()))
        .extracting(ItemEvent::getKind)
        .contains(
            "ITEM_ISSUED",
            "ITEM_CLAIMED",
            "ITEM_BROKEN_DOWN",
            "SUBTASK_DONE",
            "CHECK_IN_SUBMITTED",
            "LIGHT_SET",
            "ESCALATION_OPENED",
            "NOTICE_ISSUED",
            "PLAN_SENT_BACK",
            "PLAN_ACCEPTED",
            "EVIDENCE_SUBMITTED",
            "SIGNED_OFF",
            "ITEM_SENT_BACK",
            "ITEM_ACCEPTED",
            "ITEM_CLOSED");
    assertThat(history.ofItem(item.getId()))
        .filteredOn(e -> e.getKind().equals("SIGNED_OFF"))
        .extracting(ItemEvent::getActor)
        .containsExactly("tducha");
  }

  private WorkItemFormData itemForm(TaskBook book, LocalDate deadline) {
    WorkItemFormData data = new WorkItemFormData();
    data.setGoalAreaId(book.getGoalAreas().get(0).getId());
    data.setSeq("1");
    data.setTitle("缩短平均住院日");
    data.setTargetText("平均住院日≤6.5天");
    data.setLeadDepartmentId(hospital.department("tmedical").getId());
    data.setCollaboratorIds(List.of(hospital.department("tit").getId()));
    data.setLeaderInChargeId(hospital.personId("tincharge"));
    data.setDeadline(deadline);
    data.setIndicatorName("平均住院日");
    data.setIndicatorUnit("天");
    data.setIndicatorDirection(IndicatorDirection.LE);
    data.setIndicatorBaseline(new BigDecimal("7.2"));
    data.setIndicatorTarget(new BigDecimal("6.5"));
    return data;
  }

  private ItemStage stage(WorkItem item) {
    return items.findById(item.getId()).orElseThrow().getStage();
  }

  private Task task(String instanceOrBusinessKey, String key) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .or()
            .processInstanceId(instanceOrBusinessKey)
            .processInstanceBusinessKey(instanceOrBusinessKey)
            .endOr()
            .taskDefinitionKey(key)
            .list();
    assertThat(tasks).as("open %s tasks in %s", key, instanceOrBusinessKey).hasSize(1);
    return tasks.get(0);
  }

  private void complete(
      String instanceOrBusinessKey, String key, String username, Map<String, Object> values) {
    workTasks.complete(task(instanceOrBusinessKey, key).getId(), values, hospital.user(username));
  }

  private Task checkInTaskOf(WorkItem item) {
    return taskService.createTaskQuery().taskDefinitionKey("submitCheckIn").list().stream()
        .filter(t -> item.getId().equals(taskService.getVariable(t.getId(), "workItemId")))
        .findFirst()
        .orElseThrow();
  }

  private static Task taskAssignedTo(List<Task> tasks, String username) {
    return tasks.stream().filter(t -> username.equals(t.getAssignee())).findFirst().orElseThrow();
  }

  private static Map<String, Object> row(String title, String assignee, LocalDate due) {
    Map<String, Object> row = new HashMap<>();
    row.put("title", title);
    row.put("assignee", assignee);
    row.put("dueDate", due);
    return row;
  }
}
