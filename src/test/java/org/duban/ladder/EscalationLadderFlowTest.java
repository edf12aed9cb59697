package org.duban.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.book.Light;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.duban.notification.InboxEntry;
import org.duban.notification.InboxEntryRepository;
import org.duban.notification.MessageKind;
import org.duban.rectification.AttachmentRow;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationFiles;
import org.duban.rectification.RectificationRepository;
import org.duban.supervision.SupervisionQueries;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;

/**
 * The whole ladder on the real services and models, with the engine clock moved across Spring
 * Festival 2026: blue reminder, triage and yellow notice, a missed plan climbing to a red notice
 * for the leader in charge, a missed red deadline going to the hospital meeting, the meeting's
 * decision, the rectification with an evidence file, and the sign-off — with each message in the
 * right inbox exactly once.
 */
@RunningAppTest
class EscalationLadderFlowTest {

  @Autowired EscalationSteps steps;
  @Autowired IssuedItemFixture fixture;
  @Autowired TestHospital hospital;
  @Autowired EscalationLadder ladder;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired EscalationRepository escalations;
  @Autowired SupervisionNoticeRepository notices;
  @Autowired MeetingReferralRepository referrals;
  @Autowired RectificationRepository rectifications;
  @Autowired RectificationFiles files;
  @Autowired SupervisionQueries queries;
  @Autowired InboxEntryRepository inbox;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  static void clock(String localDateTime) {
    TestClock.at(localDateTime);
  }

  @Test
  void aLaggingItemClimbsEveryRungAcrossSpringFestivalAndIsSignedOff() {
    clock("2026-02-11T08:30");
    Long item = fixture.issuedItem("门诊预约诊疗率提升").itemId();
    currentItem = item;
    String key = "item-" + item;

    // When the weekly sweep finds the item yellow, it goes on the ladder with a blue reminder
    assertThat(ladder.onWeeklyLight(item, Light.YELLOW)).isTrue();
    Escalation escalation = escalations.findByOpenItemId(item).orElseThrow();
    assertThat(escalation.getLevel()).isEqualTo(LadderLevel.BLUE);
    assertThat(messages("tmedhead", MessageKind.REMINDER))
        .extracting(e -> e.getMessage().getTitle())
        .containsExactly("【蓝色提醒】门诊预约诊疗率提升");
    // and a second sweep in the same week changes nothing
    assertThat(ladder.onWeeklyLight(item, Light.RED)).isFalse();
    assertThat(openTasks(key)).isEmpty();

    // When the first sweep after Spring Festival still finds it lagging, the office triages it
    clock("2026-02-24T08:30");
    assertThat(ladder.onWeeklyLight(item, Light.RED)).isFalse();
    Task triage = steps.single(key, "triageEscalation");

    // A deadline on a Sunday is refused; a worked Saturday (调休) is a working day
    assertThatThrownBy(
            () ->
                complete(
                    triage,
                    "tducha",
                    Map.of(
                        "triageDecision",
                        "notice",
                        "noticeRequirement",
                        "请于期限内提交整改方案",
                        "noticeDeadline",
                        LocalDate.parse("2026-03-01"))))
        .isInstanceOf(UserError.class);
    complete(
        triage,
        "tducha",
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "请于期限内提交整改方案",
            "noticeDeadline",
            LocalDate.parse("2026-02-28")));
    SupervisionNotice yellow =
        notices.findByEscalationIdOrderByIssuedAtAsc(escalation.getId()).get(0);
    assertThat(yellow.getLevel()).isEqualTo(LadderLevel.YELLOW);
    assertThat(yellow.number()).matches("督〔2026〕\\d+号");
    assertThat(messages("tmedhead", MessageKind.NOTICE)).hasSize(1);
    // the plan counts as missed on the next working day after the deadline, at 09:00
    assertThat(timer(key, "planOverdue").getDuedate()).isEqualTo(at("2026-03-02T09:00"));

    // When the plan's deadline passes, the department is first reminded, then the ladder climbs to
    // red
    clock("2026-03-02T09:01");
    steps.runDueJobs(key);
    assertThat(messages("tmedhead", MessageKind.REMINDER))
        .extracting(e -> e.getMessage().getLink())
        .anyMatch(link -> link.startsWith("/tasks/"));
    List<SupervisionNotice> both = notices.findByEscalationIdOrderByIssuedAtAsc(escalation.getId());
    assertThat(both).hasSize(2);
    SupervisionNotice red = both.get(1);
    assertThat(red.getLevel()).isEqualTo(LadderLevel.RED);
    assertThat(red.getSeq()).isEqualTo(yellow.getSeq() + 1);
    assertThat(red.getAddressee()).isEqualTo("tincharge");
    assertThat(red.getDeadline()).isEqualTo(LocalDate.parse("2026-03-09"));
    assertThat(messages("tincharge", MessageKind.NOTICE))
        .extracting(e -> e.getMessage().getTitle())
        .singleElement()
        .asString()
        .startsWith("【红色督办】" + red.number());
    Task followUp = steps.single(key, "leaderFollowUp");
    assertThat(followUp.getAssignee()).isEqualTo("tincharge");
    complete(followUp, "tincharge", Map.of("instruction", "三日内拿出方案"));
    assertThat(timer(key, "planOverdue").getDuedate()).isEqualTo(at("2026-03-10T09:00"));

    // When the red notice's deadline passes too, the item goes to the hospital meeting's agenda
    clock("2026-03-10T09:01");
    steps.runDueJobs(key);
    assertThat(escalations.findById(escalation.getId()).orElseThrow().getLevel())
        .isEqualTo(LadderLevel.MEETING);
    assertThat(queries.meetingAgenda())
        .extracting(a -> a.referral().getWorkItemId())
        .containsExactly(item);
    assertThat(messages("tducha", MessageKind.MEETING)).hasSize(1);
    // the red notice and the referral are kept as message keys: a reader of English gets them in
    // English
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    try {
      assertThat(red.number()).matches("Supervision notice \\[2026\\] No\\. \\d+");
      assertThat(red.getRequirement())
          .contains(
              "\"门诊预约诊疗率提升\": The deadline for the rectification plan has passed. It is raised to red");
      assertThat(messages("tincharge", MessageKind.NOTICE))
          .extracting(e -> e.getMessage().getTitle())
          .singleElement()
          .asString()
          .startsWith("[Red supervision] " + red.number());
      assertThat(queries.meetingAgenda())
          .extracting(a -> a.referral().getReason())
          .singleElement()
          .asString()
          .contains("still not done after red supervision: ");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
    Task meeting = steps.single(key, "recordMeetingDecision");

    // When the meeting of 2026-03-12 decides the department goes on until 2026-03-20
    clock("2026-03-12T16:00");
    complete(
        meeting,
        "tducha",
        Map.of(
            "meetingKind",
            "presidentOffice",
            "meetingDate",
            LocalDate.parse("2026-03-12"),
            "meetingDecision",
            "continue",
            "meetingInstruction",
            "限3月20日前完成整改",
            "newDeadline",
            LocalDate.parse("2026-03-20")));
    MeetingReferral decided =
        referrals.findByEscalationIdOrderByReferredAtAsc(escalation.getId()).get(0);
    assertThat(decided.getDecision()).isEqualTo(MeetingReferral.Decision.CONTINUE);
    assertThat(queries.meetingAgenda()).isEmpty();
    assertThat(timer(key, "planOverdue").getDuedate()).isEqualTo(at("2026-03-23T09:00"));

    // Then plan, review, evidence with a file, and the office's verification sign it off
    complete(
        steps.single(key, "submitRectificationPlan"),
        "tmedhead",
        Map.of(
            "obstacle",
            "号源不足",
            "responsibility",
            "门诊部主任",
            "measures",
            "增开夜间门诊",
            "rectificationDeadline",
            LocalDate.parse("2026-03-19")));
    complete(
        steps.single(key, "reviewRectificationPlan"), "tducha", Map.of("planDecision", "accept"));
    Rectification rectification =
        rectifications.findByEscalationId(escalation.getId()).orElseThrow();
    files.attach(
        rectification.getId(),
        "整改报告.pdf",
        "application/pdf",
        "%PDF-1.4 整改".getBytes(),
        hospital.user("tmedhead"));
    complete(
        steps.single(key, "submitRectificationEvidence"),
        "tmedhead",
        Map.of("evidence", "夜间门诊已开设，见整改报告"));
    complete(
        steps.single(key, "signOffRectification"),
        "tducha",
        Map.of("signOffDecision", "signOff", "signOffComment", "经核验已整改到位"));

    Escalation closed = escalations.findById(escalation.getId()).orElseThrow();
    assertThat(closed.getStatus()).isEqualTo(Escalation.Status.SIGNED_OFF);
    Rectification signedOff = rectifications.findByEscalationId(escalation.getId()).orElseThrow();
    assertThat(signedOff.getVerification()).isEqualTo("经核验已整改到位");
    assertThat(files.listOf(signedOff.getId()))
        .extracting(AttachmentRow::fileName)
        .containsExactly("整改报告.pdf");
    assertThat(messages("tmedhead", MessageKind.RECTIFICATION))
        .extracting(e -> e.getMessage().getTitle())
        .containsExactly("【已销号】门诊预约诊疗率提升");
    // and every message went out once: one blue reminder, two notices, one meeting referral
    assertThat(messages("tmedhead", MessageKind.NOTICE)).hasSize(2);
    assertThat(openTasks(key)).isEmpty();
  }

  @Test
  void theMeetingMayEndTheSupervision() {
    clock("2026-04-13T08:30");
    Long item = fixture.issuedItem("病案首页质量提升").itemId();
    currentItem = item;
    String key = "item-" + item;
    ladder.onWeeklyLight(item, Light.RED);
    complete(
        steps.single(key, "triageEscalation"),
        "tducha",
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "请整改",
            "noticeDeadline",
            LocalDate.parse("2026-04-15")));
    clock("2026-04-16T09:01");
    steps.runDueJobs(key);
    clock("2026-04-24T09:01");
    steps.runDueJobs(key);
    Task meeting = steps.single(key, "recordMeetingDecision");

    // A meeting date before the referral is refused
    assertThatThrownBy(
            () ->
                complete(
                    meeting,
                    "tducha",
                    Map.of(
                        "meetingKind",
                        "partyCommittee",
                        "meetingDate",
                        LocalDate.parse("2026-04-01"),
                        "meetingDecision",
                        "close",
                        "meetingInstruction",
                        "目标调整")))
        .isInstanceOf(UserError.class);
    complete(
        meeting,
        "tducha",
        Map.of(
            "meetingKind",
            "partyCommittee",
            "meetingDate",
            LocalDate.parse("2026-04-24"),
            "meetingDecision",
            "close",
            "meetingInstruction",
            "目标已调整，督办办结"));

    Escalation escalation = escalations.findByWorkItemIdOrderByOpenedAtDesc(item).get(0);
    assertThat(escalation.getStatus()).isEqualTo(Escalation.Status.CLOSED_BY_MEETING);
    assertThat(escalations.findByOpenItemId(item)).isEmpty();
    assertThat(openTasks(key)).isEmpty();
  }

  @Test
  void aRemindedItemBackOnTrackEndsWithoutANotice() {
    clock("2026-05-11T08:30");
    Long item = fixture.issuedItem("日间手术占比提升").itemId();
    ladder.onWeeklyLight(item, Light.YELLOW);
    clock("2026-05-18T08:30");
    ladder.onWeeklyLight(item, Light.GREEN);

    Escalation escalation = escalations.findByWorkItemIdOrderByOpenedAtDesc(item).get(0);
    assertThat(escalation.getStatus()).isEqualTo(Escalation.Status.RESOLVED);
    assertThat(notices.findByEscalationIdOrderByIssuedAtAsc(escalation.getId())).isEmpty();
    // the next lag starts the ladder afresh
    assertThat(ladder.onWeeklyLight(item, Light.YELLOW)).isTrue();
  }

  /**
   * Messages of one kind to a person about the item under test (other tests share the database).
   */
  private List<InboxEntry> messages(String username, MessageKind kind) {
    return inbox.newestFirst(username, kind, PageRequest.of(0, 200)).stream()
        .filter(e -> currentItem.equals(e.getMessage().getWorkItemId()))
        .toList();
  }

  private Long currentItem;

  private static java.util.Date at(String localDateTime) {
    return EngineClock.toDate(LocalDateTime.parse(localDateTime));
  }

  private Job timer(String businessKey, String activityId) {
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("escalation")
            .processInstanceBusinessKey(businessKey)
            .singleResult()
            .getId();
    return managementService
        .createJobQuery()
        .processInstanceId(instance)
        .activityId(activityId)
        .singleResult();
  }

  private List<Task> openTasks(String businessKey) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .processDefinitionKey("escalation")
        .list();
  }

  private void complete(Task task, String username, Map<String, Object> values) {
    workTasks.complete(task.getId(), new HashMap<>(values), hospital.user(username));
  }
}
