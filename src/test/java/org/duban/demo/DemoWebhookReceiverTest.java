package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The demo's robot receiver answers as WeCom and DingTalk do and keeps the posts; being open to
 * anyone, it takes small bodies only and keeps a bounded number.
 */
class DemoWebhookReceiverTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DemoWebhookReceiver receiver = new DemoWebhookReceiver(JSON);
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(receiver).build();

  private ResultActions post(String path, Object body) throws Exception {
    return post(path, JSON.writeValueAsBytes(body));
  }

  private ResultActions post(String path, byte[] body) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void answersOkAndKeepsWeComAndDingTalkMarkdownNewestFirst() throws Exception {
    post(
            "/demo/webhooks/wecom?key=demo",
            Map.of(
                "msgtype",
                "markdown",
                "markdown",
                Map.of("content", "**催办**\n\n[查看详情](http://localhost:8080/items/1)")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.errcode").value(0))
        .andExpect(jsonPath("$.errmsg").value("ok"));
    post(
            "/demo/webhooks/dingtalk?access_token=demo&timestamp=1700000000000&sign=abc",
            Map.of("msgtype", "markdown", "markdown", Map.of("title", "督办通知", "text", "#### 督办通知")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.errcode").value(0));

    assertThat(receiver.posts()).hasSize(2);
    assertThat(receiver.posts().get(0).platform()).isEqualTo("dingtalk");
    assertThat(receiver.posts().get(0).title()).isEqualTo("督办通知");
    assertThat(receiver.posts().get(0).signed()).isTrue();
    assertThat(receiver.posts().get(1).markdown())
        .contains("[查看详情](http://localhost:8080/items/1)");
    assertThat(receiver.posts().get(1).signed()).isFalse();
  }

  @Test
  void aBodyOverEightKiBIsRefusedAndNotKept() throws Exception {
    String content = "长".repeat(3000); // 9000 bytes in UTF-8
    post(
            "/demo/webhooks/wecom",
            Map.of("msgtype", "markdown", "markdown", Map.of("content", content)))
        .andExpect(status().isPayloadTooLarge());
    assertThat(receiver.posts()).isEmpty();

    // one just under the limit is taken
    String fits = "x".repeat(DemoWebhookReceiver.MAX_BODY - 100);
    post("/demo/webhooks/wecom", Map.of("msgtype", "markdown", "markdown", Map.of("content", fits)))
        .andExpect(status().isOk());
    assertThat(receiver.posts()).hasSize(1);
  }

  @Test
  void aBodyThatIsNoJsonObjectIsRefusedAndNotKept() throws Exception {
    post("/demo/webhooks/wecom", "not json".getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isBadRequest());
    post("/demo/webhooks/wecom", "[1,2]".getBytes(StandardCharsets.UTF_8))
        .andExpect(status().isBadRequest());
    assertThat(receiver.posts()).isEmpty();
  }

  @Test
  void onlyTheLastPostsAreKept() throws Exception {
    for (int i = 1; i <= DemoWebhookReceiver.KEPT + 30; i++) {
      post(
              "/demo/webhooks/wecom",
              Map.of("msgtype", "markdown", "markdown", Map.of("content", "消息 " + i)))
          .andExpect(status().isOk());
    }
    assertThat(receiver.posts()).hasSize(DemoWebhookReceiver.KEPT);
    assertThat(receiver.posts().get(0).markdown())
        .isEqualTo("消息 " + (DemoWebhookReceiver.KEPT + 30));
  }
}
