package org.duban.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.duban.WebTestSupport;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.EscalationLadder;
import org.duban.ladder.SupervisionNotice;
import org.duban.ladder.SupervisionNoticeRepository;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Issue 15 point 12: each rectification step's page carries what the step needs — the review shows
 * the whole plan, the evidence step takes the files itself, the sign-off lists them with links —
 * and a notice explains that its colour is the ladder's rung, not the item's light.
 */
class RectificationScreensWebTest extends WebTestSupport {

  @Autowired EscalationLadder ladder;
  @Autowired SupervisionNoticeRepository notices;
  @Autowired RectificationRepository rectifications;
  @Autowired WorkTasks workTasks;
  @Autowired WorkCalendar calendar;

  /** A red item (straight to triage) with a yellow notice issued by the office. */
  private SupervisionNotice noticed(String title) {
    Long item = fixture.issuedItem(title).itemId();
    ladder.open(item);
    Map<String, Object> triage = new HashMap<>();
    triage.put("triageDecision", "notice");
    triage.put("noticeRequirement", "请于期限内提交整改方案");
    triage.put("noticeDeadline", calendar.addWorkingDays(EngineClock.today(), 5));
    workTasks.complete(taskId("item-" + item, "triageEscalation"), triage, hospital.user("tducha"));
    return notices.findByWorkItemIdOrderByIssuedAtAsc(item).get(0);
  }

  @Test
  void eachRectificationStepShowsWhatItDecidesOn() throws Exception {
    SupervisionNotice notice = noticed("整改页面所需内容");
    String itemKey = "item-" + notice.getWorkItemId();
    LocalDate deadline = calendar.addWorkingDays(EngineClock.today(), 10);
    workTasks.complete(
        taskId(itemKey, "submitRectificationPlan"),
        Map.of(
            "obstacle",
            "门诊候诊时间过长",
            "responsibility",
            "排班未按高峰调整，医务部负责",
            "measures",
            "高峰时段增开诊室",
            "rectificationDeadline",
            deadline),
        hospital.user("tmedhead"));

    // 审核整改方案: the office sees the whole plan it accepts or sends back
    String review = page(taskId(itemKey, "reviewRectificationPlan"), "tducha");
    assertThat(review).contains("门诊候诊时间过长", "排班未按高峰调整，医务部负责", "高峰时段增开诊室", deadline.toString());
    workTasks.complete(
        taskId(itemKey, "reviewRectificationPlan"),
        Map.of("planDecision", "accept"),
        hospital.user("tducha"));

    // 提交整改佐证: the file is uploaded on the task page itself and the person comes back to it
    String evidenceTask = taskId(itemKey, "submitRectificationEvidence");
    Rectification rectification =
        rectifications.findByEscalationId(notice.getEscalationId()).orElseThrow();
    String evidence = page(evidenceTask, "tmedhead");
    assertThat(evidence)
        .contains(
            "/supervision/rectifications/" + rectification.getId() + "/files", "type=\"file\"");
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", rectification.getId())
                .file(
                    new MockMultipartFile(
                        "file", "增开诊室排班表.pdf", "application/pdf", "%PDF-1.4".getBytes()))
                .param("task", evidenceTask)
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/tasks/" + evidenceTask + "#evidence-files"));
    assertThat(page(evidenceTask, "tmedhead")).contains("增开诊室排班表.pdf");
    workTasks.complete(evidenceTask, Map.of("evidence", "已增开两个诊室"), hospital.user("tmedhead"));

    // 核验销号: the evidence files with a link to each
    String signOff = page(taskId(itemKey, "signOffRectification"), "tducha");
    assertThat(signOff).contains("增开诊室排班表.pdf", "href=\"/supervision/files/", "已增开两个诊室");
  }

  @Test
  void aYellowNoticeForARedItemSaysTheColourIsTheLaddersRung() throws Exception {
    SupervisionNotice notice = noticed("红灯黄色督办说明");

    String print =
        mvc.perform(get("/supervision/notices/{id}/print", notice.getId()).with(as("tducha")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(print).contains("督办等级", "黄色督办", "不是事项的红黄绿灯", "亮红灯的事项直接从这一级开始");
    String item =
        mvc.perform(get("/items/{id}", notice.getWorkItemId()).with(as("tmedhead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(item).contains("不是事项的红黄绿灯");
    String queue =
        mvc.perform(get("/supervision").with(as("tducha")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(queue).contains("红灯黄色督办说明", "不是事项的红黄绿灯");
  }

  private String page(String taskId, String username) throws Exception {
    return mvc.perform(get("/tasks/{id}", taskId).with(as(username)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String taskId(String itemKey, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(itemKey)
        .taskDefinitionKey(taskKey)
        .singleResult()
        .getId();
  }
}
