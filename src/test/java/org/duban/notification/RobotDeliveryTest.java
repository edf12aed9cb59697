package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.duban.PostgresAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WeCom and DingTalk group robots against a local HTTP server. */
// the robots here post to a receiver on this machine, which production refuses (RobotAddresses);
// PostgresAppTest's context allows it, and PostgresOutboxTest's robots share it (one start, not
// two)
@PostgresAppTest
class RobotDeliveryTest extends NotificationTestSupport {

  record Post(String path, String query, JsonNode body) {}

  private final ObjectMapper json = new ObjectMapper();
  private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());

  /** What the robot answers next: HTTP status and body. */
  private final AtomicReference<Object[]> answer =
      new AtomicReference<>(new Object[] {200, "{\"errcode\":0,\"errmsg\":\"ok\"}"});

  private HttpServer server;

  @BeforeEach
  void startRobotServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] request = exchange.getRequestBody().readAllBytes();
          posts.add(
              new Post(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestURI().getRawQuery(),
                  json.readTree(new String(request, StandardCharsets.UTF_8))));
          Object[] reply = answer.get();
          byte[] body = ((String) reply[1]).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders((Integer) reply[0], body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stopRobotServer() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private Robot robot(Channel platform, Long departmentId, String path, String secret) {
    return robots.save(new Robot(platform, departmentId, "测试群", url(path), secret));
  }

  @Test
  void weComGetsExactlyTheMarkdownShapeWithTheLinkAndWhomItIsFor() {
    robot(Channel.WECOM, hospital.department("tmedical").getId(), "/cgi-bin/webhook/send", null);
    choose("tmedhead", null, noQuietHours(), Channel.WECOM);
    choose("tmedstaff", null, noQuietHours(), Channel.WECOM);
    String key = eventKey();
    long itemId = item();
    sendCommitted(message(key, itemId, MessageKind.URGE, "催办：门诊预约率", "tmedhead", "tmedstaff"));

    dispatcher.dispatchDue();

    assertThat(posts)
        .singleElement()
        .satisfies(
            post -> {
              assertThat(post.path()).isEqualTo("/cgi-bin/webhook/send");
              assertThat(fieldNames(post.body())).containsExactlyInAnyOrder("msgtype", "markdown");
              assertThat(post.body().get("msgtype").asText()).isEqualTo("markdown");
              assertThat(fieldNames(post.body().get("markdown"))).containsExactly("content");
              String content = post.body().get("markdown").get("content").asText();
              assertThat(content)
                  .startsWith("**催办：门诊预约率**")
                  .contains("请于本周五前提交整改方案。")
                  .contains("测试医务主任、测试医务干事")
                  .contains("[查看详情](http://localhost:8080/items/" + itemId + ")");
            });
    assertThat(deliveries(key))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.SENT));
  }

  @Test
  void dingTalkGetsTitleAndTextAndASignatureWhenItHasASecret() {
    robot(Channel.DINGTALK, null, "/robot/send", "SEC-test-secret");
    choose("tducha", null, noQuietHours(), Channel.DINGTALK);
    long itemId = item();
    sendCommitted(message(eventKey(), itemId, MessageKind.ESCALATION, "督办升级：科研经费执行率", "tducha"));

    long before = System.currentTimeMillis();
    dispatcher.dispatchDue();

    assertThat(posts)
        .singleElement()
        .satisfies(
            post -> {
              assertThat(fieldNames(post.body())).containsExactlyInAnyOrder("msgtype", "markdown");
              assertThat(fieldNames(post.body().get("markdown")))
                  .containsExactlyInAnyOrder("title", "text");
              assertThat(post.body().get("markdown").get("title").asText())
                  .isEqualTo("督办升级：科研经费执行率");
              assertThat(post.body().get("markdown").get("text").asText())
                  .startsWith("#### 督办升级：科研经费执行率")
                  .contains("(http://localhost:8080/items/" + itemId + ")");
              Map<String, String> query = query(post.query());
              long timestamp = Long.parseLong(query.get("timestamp"));
              assertThat(timestamp).isBetween(before - 1000, System.currentTimeMillis() + 1000);
              String expected =
                  URLDecoder.decode(
                      DingTalkSignature.sign(timestamp, "SEC-test-secret"), StandardCharsets.UTF_8);
              assertThat(query.get("sign")).isEqualTo(expected);
            });
  }

  @Test
  void aNonZeroErrcodeIsAFailureTriedAgainLater() {
    robot(Channel.DINGTALK, hospital.department("tnursing").getId(), "/robot/send", null);
    choose("tnursehead", null, noQuietHours(), Channel.DINGTALK);
    String key = eventKey();
    sendCommitted(message(key, item(), MessageKind.URGE, "催办", "tnursehead"));
    answer.set(new Object[] {200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"});

    dispatcher.dispatchDue();
    Delivery failed = deliveries(key).get(0);
    assertThat(failed.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(failed.lastError()).contains("310000");

    answer.set(new Object[] {200, "{\"errcode\":0,\"errmsg\":\"ok\"}"});
    at(MORNING.plusMinutes(1));
    dispatcher.dispatchDue();
    assertThat(posts).hasSize(2);
    assertThat(deliveries(key).get(0).status()).isEqualTo(Delivery.Status.SENT);
  }

  @Test
  void aRobotAnsweringHttp500IsRetriedWithBackOffAndGivenUpAfterTheLastTry() {
    robot(Channel.WECOM, null, "/down", null);
    choose("tithead", null, noQuietHours(), Channel.WECOM);
    answer.set(new Object[] {500, "{}"});
    String key = eventKey();
    sendCommitted(message(key, item(), MessageKind.URGE, "催办", "tithead"));
    // send only wrote rows: nothing was posted while the caller's transaction ran
    assertThat(posts).isEmpty();

    List<java.time.LocalDateTime> tries = new ArrayList<>();
    java.time.LocalDateTime now = MORNING;
    for (int i = 0; i < 5; i++) {
      dispatcher.dispatchDue();
      Delivery d = deliveries(key).get(0);
      tries.add(d.nextAttemptAt());
      now = d.nextAttemptAt();
      at(now);
    }
    Delivery given = deliveries(key).get(0);
    assertThat(given.status()).isEqualTo(Delivery.Status.FAILED);
    assertThat(given.attempts()).isEqualTo(5);
    assertThat(given.lastError()).contains("HTTP 500");
    assertThat(posts).hasSize(5);
    // waits of 1, 2, 4 and 8 minutes between the tries
    assertThat(tries.subList(0, 4))
        .containsExactly(
            MORNING.plusMinutes(1),
            MORNING.plusMinutes(3),
            MORNING.plusMinutes(7),
            MORNING.plusMinutes(15));

    dispatcher.dispatchDue();
    assertThat(posts).as("no try after giving up").hasSize(5);
  }

  @Test
  void twoNodesDispatchingAtOnceSendEachDeliveryOnce() throws Exception {
    robot(Channel.WECOM, null, "/busy", null);
    choose("tleader", null, noQuietHours(), Channel.WECOM);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String key = eventKey();
      keys.add(key);
      sendCommitted(message(key, item(), MessageKind.REMINDER, "提醒 " + i, "tleader"));
    }
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> both =
          List.of(() -> dispatcher.dispatchDue("node-a"), () -> dispatcher.dispatchDue("node-b"));
      int sent = 0;
      for (Future<Integer> result : nodes.invokeAll(both)) {
        sent += result.get();
      }
      assertThat(sent).isEqualTo(30);
    } finally {
      nodes.shutdown();
    }
    assertThat(posts).hasSize(30);
    for (String key : keys) {
      assertThat(deliveries(key))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.status()).isEqualTo(Delivery.Status.SENT);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.sentBy()).as("the node that sent it").isIn("node-a", "node-b");
              });
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }
}
