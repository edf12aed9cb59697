package org.duban.security.attack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.book.WorkItem;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.EscalationLadder;
import org.duban.ladder.SupervisionNotice;
import org.duban.ladder.SupervisionNoticeRepository;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationFiles;
import org.duban.rectification.RectificationRepository;
import org.duban.task.WorkTasks;
import org.springframework.stereotype.Component;

/**
 * The records the attack cases aim at, made through the same service calls the pages make: items of
 * 测试医务部 at several stages, a draft, and an item under a supervision notice with its rectification
 * and an evidence file. 测试护理部 (tnursehead) has no part in any of them: it is the forger.
 */
@Component
class AttackScenes {

  private final IssuedItemFixture fixture;
  private final TestHospital hospital;
  private final TaskService taskService;
  private final WorkTasks workTasks;
  private final EscalationLadder ladder;
  private final WorkCalendar calendar;
  private final SupervisionNoticeRepository notices;
  private final RectificationRepository rectifications;
  private final RectificationFiles files;

  AttackScenes(
      IssuedItemFixture fixture,
      TestHospital hospital,
      TaskService taskService,
      WorkTasks workTasks,
      EscalationLadder ladder,
      WorkCalendar calendar,
      SupervisionNoticeRepository notices,
      RectificationRepository rectifications,
      RectificationFiles files) {
    this.fixture = fixture;
    this.hospital = hospital;
    this.taskService = taskService;
    this.workTasks = workTasks;
    this.ladder = ladder;
    this.calendar = calendar;
    this.notices = notices;
    this.rectifications = rectifications;
    this.files = files;
  }

  /** A draft of tleader with one item. */
  record Draft(Long bookId, Long itemId) {}

  Draft draft(String title) {
    TaskBook book = fixture.draft(title);
    WorkItem item = fixture.addItem(book, "1", title + "事项");
    return new Draft(book.getId(), item.getId());
  }

  /** An issued item of 测试医务部 whose claim task is open. */
  IssuedItem awaitingClaim(String title) {
    return fixture.issuedItem(title);
  }

  /** An item of 测试医务部 claimed and broken down into one sub-task for tmedstaff. */
  IssuedItem brokenDown(String title) {
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
                    title + "子任务",
                    "assignee",
                    "user:tmedstaff",
                    "dueDate",
                    EngineClock.today().plusDays(10)))),
        hospital.user("tmedhead"));
    return item;
  }

  /** An item of 测试医务部 under a yellow notice: the rectification plan is due. */
  record Noticed(IssuedItem item, SupervisionNotice notice, Rectification rectification) {}

  Noticed noticed(String title) {
    IssuedItem item = fixture.issuedItem(title);
    ladder.open(item.itemId());
    Map<String, Object> triage = new HashMap<>();
    triage.put("triageDecision", "notice");
    triage.put("noticeRequirement", "请于期限内提交整改方案");
    triage.put("noticeDeadline", calendar.addWorkingDays(EngineClock.today(), 5));
    workTasks.complete(
        fixture.openTask(item, "triageEscalation").getId(), triage, hospital.user("tducha"));
    SupervisionNotice notice = notices.findByWorkItemIdOrderByIssuedAtAsc(item.itemId()).get(0);
    return new Noticed(
        item, notice, rectifications.findByEscalationId(notice.getEscalationId()).orElseThrow());
  }

  /** As {@link #noticed}, with a PDF the lead department added; returns the file's id. */
  Long evidenceFile(Noticed noticed) {
    return files.attach(
        noticed.rectification().getId(),
        "整改佐证.pdf",
        "application/pdf",
        "%PDF-1.4".getBytes(),
        hospital.user("tmedhead"));
  }

  String openTaskId(IssuedItem item, String key) {
    return fixture.openTask(item, key).getId();
  }

  TaskService tasks() {
    return taskService;
  }
}
