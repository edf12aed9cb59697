package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WorkbookTexts;
import org.duban.book.TaskBook;
import org.duban.notification.Dispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14's HTTP holes, through MockMvc: robots that would post to this machine or the hospital's
 * network (refused when saved, and not posted to when one is found in the database), and a book
 * read by a department outside it (its page, versions and export refused as its print view is), or
 * by one inside it (only its own items of a book shared with other departments).
 */
class HttpHardeningAttackTest extends AttackTestSupport {

  @Autowired Dispatcher dispatcher;

  // ---- robots: server-side requests ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/actuator/prometheus",
        "https://127.0.0.1/cgi-bin/webhook/send?key=x",
        "https://localhost/cgi-bin/webhook/send?key=x",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.5/hook",
        "https://192.168.1.1/cgi-bin/luci",
        "https://[::1]/hook",
        "https://[fd00::1]/hook",
        "https://qyapi.weixin.qq.com@127.0.0.1/cgi-bin/webhook/send?key=x",
        "https://evil.example/hook",
        "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x"
      })
  @Attack(AttackCategory.SERVER_SIDE_REQUEST)
  void aRobotAddressOutsideWeComAndDingTalkOrInsideTheNetworkIsRefusedWhenSaved(String address)
      throws Exception {
    DatabaseState before = databaseState();
    String page =
        page(
            post("/admin/robots")
                .with(as("tadmin"))
                .with(csrf())
                .param("platform", "WECOM")
                .param("name", "内网探测")
                .param("webhookUrl", address));
    assertThat(page)
        .as(address)
        .containsAnyOf("Webhook 地址只能指向以下主机", "该地址指向本机或内部网络", "Webhook 地址须以 https:// 开头");
    assertNothingChangedSince(before);
  }

  @Test
  @Attack(AttackCategory.SERVER_SIDE_REQUEST)
  void aSavedRobotCannotBeTurnedTowardsThisMachine() throws Exception {
    jdbc.update(
        "insert into notification_robot (platform, department_id, name, webhook_url, secret, active)"
            + " values ('WECOM', null, '改址探测', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', null, true)");
    Long id = jdbc.queryForObject("select max(id) from notification_robot", Long.class);
    try {
      DatabaseState before = databaseState();
      String page =
          page(
              post("/admin/robots/{id}", id)
                  .with(as("tadmin"))
                  .with(csrf())
                  .param("name", "改址探测")
                  .param("webhookUrl", "https://127.0.0.1:8080/actuator/env")
                  .param("active", "true"));
      assertThat(page).contains("Webhook 地址只能指向以下主机");
      assertNothingChangedSince(before);
      // and the page names the allowed hosts before anyone types
      assertThat(page(get("/admin/robots").with(as("tadmin"))))
          .contains("仅限 https 地址，主机须为：oapi.dingtalk.com, qyapi.weixin.qq.com");
    } finally {
      jdbc.update("delete from notification_robot where id = ?", id);
    }
  }

  @Test
  @Attack(AttackCategory.SERVER_SIDE_REQUEST)
  void aRobotPointingAtThisMachineFromBeforeTheRuleIsNotPostedTo() throws Exception {
    AtomicInteger received = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          received.incrementAndGet();
          byte[] body = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    receiver.start();
    // a robot row written before the rule, and a post to it due since long ago
    jdbc.update(
        "insert into notification_robot (platform, department_id, name, webhook_url, secret, active)"
            + " values ('WECOM', null, '旧内网机器人', ?, null, true)",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    Long robot = jdbc.queryForObject("select max(id) from notification_robot", Long.class);
    String key = "attack:robot-local-" + System.nanoTime();
    Timestamp long_ago = Timestamp.valueOf(LocalDateTime.of(2000, 1, 1, 0, 0));
    jdbc.update(
        "insert into notification_message (event_key, kind, title, body, created_at) values (?, 'REMINDER', '探测', '探测', ?)",
        key,
        long_ago);
    Long message =
        jdbc.queryForObject(
            "select id from notification_message where event_key = ?", Long.class, key);
    jdbc.update(
        "insert into notification_delivery (message_id, event_key, channel, recipient_key, address, mentions, status,"
            + " attempts, next_attempt_at, created_at) values (?, ?, 'WECOM', ?, ?, '', 'PENDING', 0, ?, ?)",
        message,
        key,
        "robot:" + robot,
        String.valueOf(robot),
        long_ago,
        long_ago);
    try {
      dispatcher.dispatchDue();
      assertThat(received).as("posts that reached the receiver on this machine").hasValue(0);
      Map<String, Object> delivery =
          jdbc.queryForMap(
              "select status, last_error from notification_delivery where event_key = ?", key);
      assertThat(delivery.get("status")).isNotEqualTo("SENT");
      assertThat((String) delivery.get("last_error")).contains("refused, not sent");
    } finally {
      receiver.stop(0);
      jdbc.update("update notification_delivery set status = 'FAILED' where event_key = ?", key);
      jdbc.update("delete from notification_robot where id = ?", robot);
    }
  }

  // ---- reading a book: the print view's rule everywhere ----

  @Test
  @Attack(AttackCategory.FORGED_ID)
  void aDepartmentOutsideABookReadsNeitherItsPageNorItsVersionsNorItsExport() throws Exception {
    // Given a book whose one item 测试医务部 leads (测试信息中心 collaborates); 测试护理部 has nothing in it
    IssuedItem item = fixture.issuedItem("越权读任务书");
    DatabaseState before = databaseState();
    for (String path :
        new String[] {
          "/books/{id}", "/books/{id}/print", "/books/{id}/versions", "/books/{id}/export.xlsx"
        }) {
      for (String outsider : new String[] {"tnursehead"}) {
        String body =
            mvc.perform(get(path, item.bookId()).with(as(outsider)))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).as(path).doesNotContain("越权读任务书");
      }
    }
    assertNothingChangedSince(before);
  }

  @Test
  @Attack(AttackCategory.FORGED_ID)
  void aStaffMemberReadsOnlyTheirDepartmentsItemsOfASharedBook() throws Exception {
    // Given a book with an item of 测试医务部 and one of 测试护理部
    TaskBook book = sharedBook("共读任务书", "医务共读事项", "护理共读事项");
    DatabaseState before = databaseState();

    // When a staff member of 医务部 (not its head) reads the page, the versions and the export
    String page = page(get("/books/{id}", book.getId()).with(as("tmedstaff")));
    String versions = page(get("/books/{id}/versions", book.getId()).with(as("tmedstaff")));
    String export = exportTexts(book.getId(), "tmedstaff");

    // Then 医务部's item is there and 护理部's is not, anywhere
    assertThat(page).contains("医务共读事项").doesNotContain("护理共读事项");
    assertThat(versions).contains("医务共读事项").doesNotContain("护理共读事项");
    assertThat(export).contains("医务共读事项").doesNotContain("护理共读事项");
    // and 护理部's head sees the other way round
    assertThat(page(get("/books/{id}", book.getId()).with(as("tnursehead"))))
        .contains("护理共读事项")
        .doesNotContain("医务共读事项");
    assertThat(exportTexts(book.getId(), "tnursehead")).contains("护理共读事项").doesNotContain("医务共读事项");
    assertNothingChangedSince(before);
  }

  /**
   * An issued book of {@link IssuedItemFixture#ISSUER} with one item led by 测试医务部 and one by 测试护理部.
   */
  private TaskBook sharedBook(String title, String medicalItem, String nursingItem) {
    return fixture.issueSharedBook(fixture.draft(title), medicalItem, nursingItem);
  }

  /** Every cell's text of the book's export as the person downloads it. */
  private String exportTexts(Long bookId, String username) throws Exception {
    return WorkbookTexts.of(
        mvc.perform(get("/books/{id}/export.xlsx", bookId).with(as(username)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray());
  }
}
