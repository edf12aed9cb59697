package org.duban.demo;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for WeCom's and DingTalk's robot servers in the demo: accepts robot posts at
 * {@code /demo/webhooks/wecom} and {@code /demo/webhooks/dingtalk}, answers as they do when all is
 * well ({@code {"errcode":0,"errmsg":"ok"}}) and keeps the last posts for /demo/outbox. Robots post
 * JSON without a session, so the security configuration lets these two addresses through without
 * log-in or CSRF token. Only in the demo.
 */
@RestController
@ConditionalOnProperty(prefix = "duban.demo", name = "enabled", havingValue = "true")
class DemoWebhookReceiver {

  private static final int KEPT = 200;

  /** One robot post as received. */
  record WebhookPost(LocalDateTime receivedAt, String platform, boolean signed, String title, String markdown) {}

  private final Deque<WebhookPost> posts = new ConcurrentLinkedDeque<>();

  @PostMapping(
      path = "/demo/webhooks/{platform:wecom|dingtalk}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> receive(
      @PathVariable String platform,
      @RequestParam(required = false) String timestamp,
      @RequestParam(required = false) String sign,
      @RequestBody Map<String, Object> body) {
    Object markdown = body.get("markdown");
    String title = "";
    String text = String.valueOf(body);
    if (markdown instanceof Map<?, ?> md) {
      title = md.get("title") == null ? "" : String.valueOf(md.get("title"));
      Object content = md.containsKey("content") ? md.get("content") : md.get("text");
      text = String.valueOf(content);
    }
    // the wall clock: this stands for the robot platform's own server, not for Duban
    posts.addFirst(new WebhookPost(LocalDateTime.now(), platform, timestamp != null && sign != null, title, text));
    while (posts.size() > KEPT) {
      posts.removeLast();
    }
    return Map.of("errcode", 0, "errmsg", "ok");
  }

  /** Newest first. */
  List<WebhookPost> posts() {
    return new ArrayList<>(posts);
  }
}
