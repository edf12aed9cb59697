package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.duban.WebTestSupport;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.EscalationLadder;
import org.duban.ladder.EscalationRepository;
import org.duban.ladder.SupervisionNotice;
import org.duban.ladder.SupervisionNoticeRepository;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationRepository;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The ladder's pages: the printable numbered notice, evidence files on the rectification record
 * (added by the lead department only, read by whoever sees the item), and the meeting agenda for
 * the office and leaders.
 */
class LadderPagesWebTest extends WebTestSupport {

  @Autowired EscalationLadder ladder;
  @Autowired EscalationRepository escalations;
  @Autowired SupervisionNoticeRepository notices;
  @Autowired RectificationRepository rectifications;
  @Autowired WorkTasks workTasks;
  @Autowired WorkCalendar calendar;

  /** An item with a yellow notice issued by the office; returns the notice. */
  private SupervisionNotice noticed(String title) {
    Long item = fixture.issuedItem(title).itemId();
    ladder.open(item);
    Map<String, Object> triage = new HashMap<>();
    triage.put("triageDecision", "notice");
    triage.put("noticeRequirement", "请于期限内提交整改方案");
    triage.put("noticeDeadline", calendar.addWorkingDays(EngineClock.today(), 5));
    String taskId =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey("item-" + item)
            .taskDefinitionKey("triageEscalation")
            .singleResult()
            .getId();
    workTasks.complete(taskId, triage, hospital.user("tducha"));
    return notices.findByWorkItemIdOrderByIssuedAtAsc(item).get(0);
  }

  @Test
  void theNoticePrintsWithItsNumberForWhoeverSeesTheItem() throws Exception {
    SupervisionNotice notice = noticed("护理质量督办打印");

    String page =
        mvc.perform(get("/supervision/notices/{id}/print", notice.getId()).with(as("tmedhead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains(notice.number(), "督办通知单", "护理质量督办打印", "请于期限内提交整改方案", "测试医务部");

    // a department that neither leads nor helps with the item does not see it
    mvc.perform(get("/supervision/notices/{id}/print", notice.getId()).with(as("tnursehead")))
        .andExpect(status().isForbidden());
  }

  @Test
  void theLeadDepartmentAddsEvidenceFilesThatOthersWhoSeeTheItemCanRead() throws Exception {
    SupervisionNotice notice = noticed("佐证材料上传");
    Rectification rectification =
        rectifications.findByEscalationId(notice.getEscalationId()).orElseThrow();
    MockMultipartFile pdf =
        new MockMultipartFile("file", "整改方案.pdf", "application/pdf", "%PDF-1.4".getBytes());

    // Another department may not add a file
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", rectification.getId())
                .file(pdf)
                .with(as("tnursehead"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    // A file of a kind that is no evidence is refused with a message, and nothing is kept
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", rectification.getId())
                .file(
                    new MockMultipartFile(
                        "file", "run.exe", "application/octet-stream", new byte[] {1, 2}))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("warning", "rectification.file.type"));

    // The lead department's head adds the PDF
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", rectification.getId())
                .file(pdf)
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "rectification.file.added"));

    // Then the item page lists only that file, and the office downloads it
    String itemPage =
        mvc.perform(get("/items/{id}", notice.getWorkItemId()).with(as("tducha")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(itemPage).contains("整改方案.pdf", notice.number(), "黄色督办").doesNotContain("run.exe");
    String link = itemPage.replaceAll("(?s).*href=\"(/supervision/files/\\d+)\".*", "$1");
    byte[] body =
        mvc.perform(get(link).with(as("tducha")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4");
    mvc.perform(get(link).with(as("tnursehead"))).andExpect(status().isForbidden());
  }

  @Test
  void theRectificationRecordNamesWhoUploadedAndWhoSignedOffAsTheTimelineDoes() throws Exception {
    SupervisionNotice notice = noticed("整改记录署名");
    String itemKey = "item-" + notice.getWorkItemId();
    complete(
        itemKey,
        "submitRectificationPlan",
        "tmedhead",
        Map.of(
            "obstacle",
            "人手不足",
            "responsibility",
            "医务部",
            "measures",
            "增派人员",
            "rectificationDeadline",
            calendar.addWorkingDays(EngineClock.today(), 10)));
    complete(itemKey, "reviewRectificationPlan", "tducha", Map.of("planDecision", "accept"));
    Rectification rectification =
        rectifications.findByEscalationId(notice.getEscalationId()).orElseThrow();
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", rectification.getId())
                .file(
                    new MockMultipartFile(
                        "file", "整改报告.pdf", "application/pdf", "%PDF-1.4".getBytes()))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    complete(itemKey, "submitRectificationEvidence", "tmedhead", Map.of("evidence", "已增派人员"));
    complete(
        itemKey,
        "signOffRectification",
        "tducha",
        Map.of("signOffDecision", "signOff", "signOffComment", "同意销号"));

    String page =
        mvc.perform(get("/items/{id}", notice.getWorkItemId()).with(as("tmedhead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String record =
        page.substring(page.indexOf("id=\"escalations\""), page.indexOf("id=\"history\""));
    assertThat(record).contains("测试督查 · ", "测试医务主任 · ", "整改报告.pdf");
  }

  private void complete(
      String itemKey, String taskKey, String username, Map<String, Object> values) {
    String taskId =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(itemKey)
            .taskDefinitionKey(taskKey)
            .singleResult()
            .getId();
    workTasks.complete(taskId, values, hospital.user(username));
  }

  @Test
  void theMeetingAgendaIsForTheOfficeAndLeaders() throws Exception {
    String agenda =
        mvc.perform(
                get("/supervision/meeting")
                    .param("kind", "PARTY_COMMITTEE")
                    .param("date", EngineClock.today().toString())
                    .with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(agenda).contains("党委会督办议题");

    mvc.perform(get("/supervision/meeting").with(as("tducha"))).andExpect(status().isOk());
    mvc.perform(get("/supervision/meeting").with(as("tmedhead"))).andExpect(status().isForbidden());
  }
}
