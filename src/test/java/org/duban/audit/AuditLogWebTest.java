package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WebTestSupport;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log: who, what, when, before and after, from which address; nothing for what was
 * refused or rolled back; kept after its subject is gone; searchable by admins only.
 */
class AuditLogWebTest extends WebTestSupport {

  @Autowired AuditLog auditLog;
  @Autowired TransactionTemplate transaction;

  static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  List<AuditEvent> eventsOf(String subjectType, String subjectId) {
    return auditLog
        .search(new AuditSearch(null, null, subjectType, subjectId, null, null, null), 0, 100)
        .getContent();
  }

  @Test
  void aChangeIsRecordedWithWhoWhenWhereAndBeforeAndAfter() throws Exception {
    // When an admin makes a day a holiday, from 10.1.2.3, and then renames it
    mvc.perform(
            post("/admin/calendar/day")
                .with(as("tadmin"))
                .with(csrf())
                .with(from("10.1.2.3"))
                .param("year", "2033")
                .param("date", "2033-03-07")
                .param("kind", "HOLIDAY")
                .param("name", "审计假日"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/admin/calendar/day")
                .with(as("tadmin"))
                .with(csrf())
                .with(from("10.1.2.4"))
                .param("year", "2033")
                .param("date", "2033-03-07")
                .param("kind", "HOLIDAY")
                .param("name", "审计假日改名"))
        .andExpect(status().is3xxRedirection());

    // Then both are in the log, newest first, with the admin, the address and the values
    List<AuditEvent> events = eventsOf("calendar-day", "2033-03-07");
    assertThat(events).hasSize(2);
    AuditEvent rename = events.get(0);
    assertThat(rename.getActor()).isEqualTo("tadmin");
    assertThat(rename.getActorName()).isEqualTo(hospital.user("tadmin").fullName());
    assertThat(rename.getAddress()).isEqualTo("10.1.2.4");
    assertThat(rename.getAction()).isEqualTo("calendar.day");
    assertThat(rename.getBefore()).contains("审计假日").doesNotContain("改名");
    assertThat(rename.getAfter()).contains("审计假日改名");
    assertThat(rename.getOccurredAt()).isBeforeOrEqualTo(EngineClock.now());
    assertThat(events.get(1).getBefore()).isNull();
    assertThat(events.get(1).getAddress()).isEqualTo("10.1.2.3");

    // And the page shows what changed, field by field, in Chinese
    String page =
        html(
            get("/admin/audit")
                .param("subjectType", "calendar-day")
                .param("subjectId", "2033-03-07")
                .with(as("tadmin")));
    assertThat(page)
        .contains("审计日志", "修改工作日历", "10.1.2.4", "共 2 条")
        .contains("<del>审计假日</del> → <ins>审计假日改名</ins>");
  }

  @Test
  void aRefusedChangeLeavesNoRecord() throws Exception {
    // When an admin's change is refused (a Monday cannot be a worked weekend day)
    String page =
        html(
            post("/admin/calendar/day")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2033")
                .param("date", "2033-03-14")
                .param("kind", "WORKDAY")
                .param("name", "不该记录"));
    assertThat(page).contains("2033-03-14 是周一至周五，本来就上班");
    // Then nothing is recorded
    assertThat(eventsOf("calendar-day", "2033-03-14")).isEmpty();
    // while the same change on a Saturday, which is allowed, is (the positive control)
    mvc.perform(
            post("/admin/calendar/day")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2033")
                .param("date", "2033-03-19")
                .param("kind", "WORKDAY")
                .param("name", "该记录"))
        .andExpect(status().is3xxRedirection());
    assertThat(eventsOf("calendar-day", "2033-03-19")).hasSize(1);
  }

  @Test
  void aRolledBackChangeLeavesNoRecord() {
    // When a change records itself and then fails in the same transaction
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      auditLog.record("test.rolled-back", "test", "rollback-1", null, "changed");
                      throw new IllegalStateException("the change failed");
                    }))
        .hasMessage("the change failed");
    // Then its record went with it
    assertThat(eventsOf("test", "rollback-1")).isEmpty();
    // while the same record in a transaction that commits is kept (the positive control)
    transaction.executeWithoutResult(
        status -> auditLog.record("test.committed", "test", "rollback-2", null, "changed"));
    assertThat(eventsOf("test", "rollback-2")).hasSize(1);
  }

  @Test
  void aTaskDecisionIsRecordedWithTheSubmittedValuesAndTheItemEvent() throws Exception {
    // Given an item waiting to be claimed by 测试医务部
    IssuedItem item = fixture.issuedItem("审计认领事项");
    String taskId = fixture.openTask(item, "claimItem").getId();

    // When its head claims it
    mvc.perform(
            post("/tasks/{id}", taskId)
                .with(as("tmedhead"))
                .with(csrf())
                .with(from("10.9.8.7"))
                .param("claimDecision", "claim"))
        .andExpect(status().is3xxRedirection());

    // Then the decision with its values, and what it did to the item, are in the log
    AuditEvent decision = eventsOf("task", taskId).get(0);
    assertThat(decision.getAction()).isEqualTo("task.complete");
    assertThat(decision.getActor()).isEqualTo("tmedhead");
    assertThat(decision.getAddress()).isEqualTo("10.9.8.7");
    assertThat(decision.getAfter())
        .contains("\"claimDecision\":\"claim\"", "\"workItemId\":" + item.itemId());
    assertThat(eventsOf("work-item", String.valueOf(item.itemId())))
        .extracting(AuditEvent::getAction)
        .contains("item.ITEM_CLAIMED");

    // And the page lists the item's record labelled in Chinese
    String page =
        html(
            get("/admin/audit")
                .param("subjectType", "work-item")
                .param("subjectId", String.valueOf(item.itemId()))
                .with(as("tadmin")));
    assertThat(page).contains("<td data-label=\"操作\">认领</td>");
  }

  @Test
  void theRecordOutlivesItsSubjectAndSecretsAreNotKept() throws Exception {
    // Given a DingTalk robot added and then removed by an admin
    mvc.perform(
            post("/admin/robots")
                .with(as("tadmin"))
                .with(csrf())
                .param("platform", "DINGTALK")
                .param("name", "审计机器人")
                .param(
                    "webhookUrl",
                    "https://oapi.dingtalk.com/robot/send?access_token=SECRET-TOKEN-1")
                .param("secret", "SEC-SIGNING-1")
                .param("active", "true"))
        .andExpect(status().is3xxRedirection());
    AuditEvent created =
        auditLog
            .search(new AuditSearch(null, "robot.create", null, null, null, null, "审计机器人"), 0, 10)
            .getContent()
            .get(0);
    mvc.perform(
            post("/admin/robots/{id}/delete", created.getSubjectId())
                .with(as("tadmin"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    // Then both records stand although the robot is gone, without the webhook's token or the secret
    List<AuditEvent> events = eventsOf("robot", created.getSubjectId());
    assertThat(events)
        .extracting(AuditEvent::getAction)
        .containsExactly("robot.delete", "robot.create");
    assertThat(events)
        .allSatisfy(
            e ->
                assertThat(String.valueOf(e.getBefore()) + e.getAfter())
                    .contains("oapi.dingtalk.com")
                    .doesNotContain("SECRET-TOKEN-1", "SEC-SIGNING-1"));
  }

  @Test
  void theSearchFiltersByPersonActionDateAndWords() throws Exception {
    transaction.executeWithoutResult(
        status -> {
          auditLog.recordAs(
              "tmedhead",
              "test.search",
              "test",
              "search-1",
              null,
              java.util.Map.of("note", "找得到的百分号50%"));
          auditLog.recordAs(
              "tnursehead",
              "test.search",
              "test",
              "search-2",
              null,
              java.util.Map.of("note", "另一条"));
        });
    assertThat(
            auditLog
                .search(new AuditSearch("tmedhead", "test.", null, null, null, null, null), 0, 10)
                .getContent())
        .extracting(AuditEvent::getSubjectId)
        .containsExactly("search-1");
    assertThat(
            auditLog
                .search(new AuditSearch(null, null, null, null, null, null, "百分号50%"), 0, 10)
                .getContent())
        .extracting(AuditEvent::getSubjectId)
        .containsExactly("search-1");
    assertThat(
            auditLog
                .search(new AuditSearch(null, null, null, null, null, null, "号5_%"), 0, 10)
                .getContent())
        .as("typed wildcards are looked for as themselves")
        .isEmpty();
    java.time.LocalDate today = EngineClock.today();
    assertThat(
            auditLog
                .search(new AuditSearch(null, "test.search", null, null, today, today, null), 0, 10)
                .getContent())
        .hasSize(2);
    assertThat(
            auditLog
                .search(
                    new AuditSearch(null, "test.search", null, null, today.plusDays(1), null, null),
                    0,
                    10)
                .getContent())
        .isEmpty();

    String page =
        html(
            get("/admin/audit")
                .param("actor", "tnursehead")
                .param("action", "test.search")
                .with(as("tadmin")));
    assertThat(page).contains("另一条").doesNotContain("找得到的百分号");
  }

  @Test
  void onlyAdminsMayReadTheLog() throws Exception {
    mvc.perform(get("/admin/audit").with(as("tleader"))).andExpect(status().isForbidden());
    mvc.perform(get("/admin/audit").with(as("tmedhead"))).andExpect(status().isForbidden());
    html(get("/admin/audit").with(as("tadmin")));
  }
}
