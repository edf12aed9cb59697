package org.duban.itempage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.TestClock;
import org.duban.WebTestSupport;
import org.duban.checkin.CheckInRounds;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.EscalationLadder;
import org.duban.ladder.SupervisionNotice;
import org.duban.ladder.SupervisionNoticeRepository;
import org.duban.light.LightAssessment;
import org.duban.light.WeeklySupervisionService;
import org.duban.supervision.SupervisionQueries;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The item page's timeline (办理记录): everything that happened to the item, in order and grouped by
 * day, with who and when, and the details the domain keeps: the sub-tasks of the breakdown, the
 * readings of a check-in, the rule and figures of a light, the number of a notice, the
 * rectification plan, evidence and sign-off. Filtered by a query parameter; a department that may
 * not see the item gets 403.
 */
class ItemTimelineWebTest extends WebTestSupport {

  @Autowired WorkTasks workTasks;
  @Autowired CheckInRounds checkInRounds;
  @Autowired WeeklySupervisionService supervision;
  @Autowired SupervisionQueries supervisionQueries;
  @Autowired EscalationLadder ladder;
  @Autowired SupervisionNoticeRepository notices;

  static void setClock(LocalDateTime at) {
    TestClock.at(at);
  }

  @AfterEach
  void realTimeAgain() {
    TestClock.reset();
  }

  private String page(Long itemId, String username, String show) throws Exception {
    var request = get("/items/{id}", itemId).with(as(username));
    if (show != null) {
      request.param("show", show);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The part of the page that is the timeline. */
  private static String timeline(String page) {
    return page.substring(page.indexOf("id=\"history\""));
  }

  @Test
  void theTimelineShowsEverythingThatHappenedInOrderWithWhoWhenAndTheDetails() throws Exception {
    // Given a department book issued on Monday 6 April and signed by the department's head
    setClock(LocalDateTime.of(2026, 4, 6, 9, 0));
    IssuedItem item = fixture.issuedDepartmentBook("时间线责任书");
    setClock(LocalDateTime.of(2026, 4, 6, 9, 30));
    workTasks.complete(
        fixture.openBookTask(item, "signTaskBook").getId(),
        Map.of("signDecision", "sign"),
        hospital.user("tmedhead"));

    // When the head claims the item at 10:00 and breaks it down the next day
    setClock(LocalDateTime.of(2026, 4, 6, 10, 0));
    workTasks.complete(
        fixture.openTask(item, "claimItem").getId(),
        Map.of("claimDecision", "claim"),
        hospital.user("tmedhead"));
    setClock(LocalDateTime.of(2026, 4, 7, 9, 15));
    workTasks.complete(
        fixture.openTask(item, "breakDownItem").getId(),
        Map.of(
            "subTasks",
            List.of(
                Map.of(
                    "title",
                    "梳理出院流程",
                    "assignee",
                    "user:tmedstaff",
                    "dueDate",
                    EngineClock.today().plusDays(10)))),
        hospital.user("tmedhead"));

    // And reports March (the round opened in April asks for the month that ended) on the check-in
    // form with 平均住院日 at 6.8 days (the target is ≤ 6.5)
    setClock(LocalDateTime.of(2026, 4, 8, 14, 20));
    checkInRounds.openNow("tducha");
    mvc.perform(
            post("/tasks/{id}", fixture.openCheckInTask(item).getId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("percentDone", "12")
                .param("readings[0].value", "6.8")
                .param("narrative", "出院流程梳理中")
                .param("obstacles", "信息系统待改造"))
        .andExpect(status().is3xxRedirection());

    // And the weekly supervision lights it on Monday 13 April
    setClock(LocalDateTime.of(2026, 4, 13, 9, 0));
    supervision.runToEnd("tducha");
    LightAssessment light = supervisionQueries.lightsOf(item.itemId()).get(0);

    // And the office issues a numbered notice the next day
    setClock(LocalDateTime.of(2026, 4, 14, 11, 5));
    ladder.open(item.itemId());
    Map<String, Object> triage = new HashMap<>();
    triage.put("triageDecision", "notice");
    triage.put("noticeRequirement", "请于期限内提交出院流程整改方案");
    triage.put("noticeDeadline", LocalDateTime.of(2026, 4, 21, 0, 0).toLocalDate());
    workTasks.complete(
        fixture.openTask(item, "triageEscalation").getId(), triage, hospital.user("tducha"));
    SupervisionNotice notice = notices.findByWorkItemIdOrderByIssuedAtAsc(item.itemId()).get(0);

    // And the department's plan is accepted, evidenced and signed off the next week
    setClock(LocalDateTime.of(2026, 4, 16, 10, 0));
    workTasks.complete(
        fixture.openTask(item, "submitRectificationPlan").getId(),
        Map.of(
            "obstacle",
            "信息系统改造滞后",
            "responsibility",
            "医务部主任",
            "measures",
            "增派工程师",
            "rectificationDeadline",
            LocalDate.of(2026, 4, 28)),
        hospital.user("tmedhead"));
    setClock(LocalDateTime.of(2026, 4, 17, 10, 0));
    workTasks.complete(
        fixture.openTask(item, "reviewRectificationPlan").getId(),
        Map.of("planDecision", "accept"),
        hospital.user("tducha"));
    setClock(LocalDateTime.of(2026, 4, 20, 10, 0));
    workTasks.complete(
        fixture.openTask(item, "submitRectificationEvidence").getId(),
        Map.of("evidence", "上线截图及运行报告"),
        hospital.user("tmedhead"));
    setClock(LocalDateTime.of(2026, 4, 21, 16, 45));
    workTasks.complete(
        fixture.openTask(item, "signOffRectification").getId(),
        Map.of("signOffDecision", "signOff", "signOffComment", "同意销号"),
        hospital.user("tducha"));
    setClock(LocalDateTime.of(2026, 4, 22, 9, 0));

    // Then the item's timeline lists each of these, in the order they happened, grouped by day
    String all = timeline(page(item.itemId(), "tmedhead", null));
    List<String> inOrder =
        List.of(
            "2026-04-06</time></h3>",
            "下达至牵头部门",
            "签署目标责任书",
            "认领",
            "2026-04-07</time></h3>",
            "分解子任务",
            "梳理出院流程（测试医务干事，2026-04-17 前，办理中）",
            "2026-04-08</time></h3>",
            "14:20",
            "填报月度进展",
            "测试医务主任",
            "2026-03 月度进展：完成 12%",
            "平均住院日：6.8天（目标 ≤ 6.5天，未达标）",
            "出院流程梳理中",
            "信息系统待改造",
            "2026-04-13</time></h3>",
            "09:00",
            "状态灯变化",
            "系统",
            "规则 " + light.getRule(),
            "序时进度 " + light.getExpectedProgress() + "%，填报进度 12%",
            "2026-04-14</time></h3>",
            "进入督办",
            "11:05",
            "下发督办单",
            "测试督查",
            notice.number(),
            "请于期限内提交出院流程整改方案",
            "/supervision/notices/" + notice.getId() + "/print",
            "2026-04-16</time></h3>",
            "提交整改方案",
            "测试医务主任",
            "信息系统改造滞后",
            "医务部主任",
            "增派工程师",
            "2026-04-28",
            "2026-04-17</time></h3>",
            "整改方案通过",
            "测试督查",
            "2026-04-20</time></h3>",
            "提交整改佐证",
            "上线截图及运行报告",
            "2026-04-21</time></h3>",
            "16:45",
            "销号",
            "测试督查",
            "同意销号");
    int at = -1;
    for (String expected : inOrder) {
      int found = all.indexOf(expected, at + 1);
      assertThat(found)
          .as("「%s」 after position %d of the timeline", expected, at)
          .isGreaterThan(at);
      at = found;
    }
    // the signing and the claim were the head's, on the day of issue
    assertThat(all)
        .containsPattern(
            "09:30</time>\\s*<strong class=\"event-kind\">签署目标责任书</strong>\\s*"
                + "<span class=\"actor\">测试医务主任</span>");
    assertThat(all)
        .containsPattern(
            "10:00</time>\\s*<strong class=\"event-kind\">认领</strong>\\s*"
                + "<span class=\"actor\">测试医务主任</span>");

    // And the check-ins filter shows the check-in only
    String checkInsOnly = timeline(page(item.itemId(), "tmedhead", "check-ins"));
    assertThat(checkInsOnly)
        .contains("平均住院日：6.8天", "<strong class=\"current\" id=\"timeline-filter-check-ins\">")
        .doesNotContain("下发督办单", "状态灯变化", "认领</strong>");
    // the supervision filter the light and the notice, not the check-in
    String supervisionOnly = timeline(page(item.itemId(), "tducha", "supervision"));
    assertThat(supervisionOnly)
        .contains("状态灯变化", "规则 " + light.getRule(), notice.number())
        .doesNotContain("平均住院日：6.8天", "分解子任务");
    // the decisions filter the signing, the claim and the breakdown
    String decisions = timeline(page(item.itemId(), "tmedhead", "decisions"));
    assertThat(decisions)
        .contains("签署目标责任书", "认领", "分解子任务", "整改方案通过", "销号")
        .doesNotContain("填报月度进展", "下发督办单", "提交整改佐证");
    // and a filter that does not exist says so in Chinese and lists everything
    String unknown = timeline(page(item.itemId(), "tmedhead", "bogus"));
    assertThat(unknown).contains("没有“bogus”这一类记录可筛选，下面列出全部记录。", "填报月度进展", "下发督办单");

    // And a department that neither leads nor helps with the item may not see it, timeline or not
    mvc.perform(get("/items/{id}", item.itemId()).with(as("tnursehead")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/items/{id}", item.itemId()).param("show", "supervision").with(as("tnursehead")))
        .andExpect(status().isForbidden());
  }
}
