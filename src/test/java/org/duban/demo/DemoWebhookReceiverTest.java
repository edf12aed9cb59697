package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's robot receiver answers as WeCom and DingTalk do and keeps the posts. */
class DemoWebhookReceiverTest {

  private final DemoWebhookReceiver receiver = new DemoWebhookReceiver();

  @Test
  void answersOkAndKeepsWeComAndDingTalkMarkdownNewestFirst() {
    Map<String, Object> wecom =
        receiver.receive("wecom", null, null, Map.of("msgtype", "markdown", "markdown", Map.of("content", "**催办**\n\n[查看详情](http://localhost:8080/items/1)")));
    Map<String, Object> dingtalk =
        receiver.receive("dingtalk", "1700000000000", "abc", Map.of("msgtype", "markdown", "markdown", Map.of("title", "督办通知", "text", "#### 督办通知")));

    assertThat(wecom).containsEntry("errcode", 0).containsEntry("errmsg", "ok");
    assertThat(dingtalk).containsEntry("errcode", 0);
    assertThat(receiver.posts()).hasSize(2);
    assertThat(receiver.posts().get(0).platform()).isEqualTo("dingtalk");
    assertThat(receiver.posts().get(0).title()).isEqualTo("督办通知");
    assertThat(receiver.posts().get(0).signed()).isTrue();
    assertThat(receiver.posts().get(1).markdown()).contains("[查看详情](http://localhost:8080/items/1)");
    assertThat(receiver.posts().get(1).signed()).isFalse();
  }
}
