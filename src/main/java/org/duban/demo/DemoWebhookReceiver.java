package org.duban.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for WeCom's and DingTalk's robot servers in the demo: accepts robot posts at {@code
 * /demo/webhooks/wecom} and {@code /demo/webhooks/dingtalk}, answers as they do when all is well
 * ({@code {"errcode":0,"errmsg":"ok"}}) and keeps the last posts for /demo/outbox. Robots post JSON
 * without a session, so the security configuration lets these two addresses through without log-in
 * or CSRF token. Only in the demo.
 *
 * <p>Open to anyone who reaches the port, so it holds little: a body over {@link #MAX_BODY} bytes
 * is refused (413) before it is read further, a body that is no JSON object gets 400, and only the
 * last {@link #KEPT} posts are kept.
 */
@RestController
@ConditionalOnProperty(prefix = "duban.demo", name = "enabled", havingValue = "true")
class DemoWebhookReceiver {

  /** The last posts kept for /demo/outbox; older ones are dropped. */
  static final int KEPT = 200;

  /** A robot's markdown message is well under this (WeCom allows 4096 bytes of content). */
  static final int MAX_BODY = 8 * 1024;

  /** One robot post as received. */
  record WebhookPost(
      LocalDateTime receivedAt, String platform, boolean signed, String title, String markdown) {}

  private final Deque<WebhookPost> posts = new ConcurrentLinkedDeque<>();

  private final ObjectMapper json;

  DemoWebhookReceiver(ObjectMapper json) {
    this.json = json;
  }

  @PostMapping(
      path = "/demo/webhooks/{platform:wecom|dingtalk}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> receive(
      @PathVariable String platform,
      @RequestParam(required = false) String timestamp,
      @RequestParam(required = false) String sign,
      HttpServletRequest request)
      throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      return tooLarge();
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      return tooLarge();
    }
    Map<String, Object> message;
    try {
      message = json.readValue(body, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      message = null;
    }
    if (message == null) {
      return ResponseEntity.badRequest().body(Map.of("errcode", 40001, "errmsg", "invalid json"));
    }
    keep(platform, timestamp != null && sign != null, message);
    return ResponseEntity.ok(Map.of("errcode", 0, "errmsg", "ok"));
  }

  private static ResponseEntity<Map<String, Object>> tooLarge() {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(Map.of("errcode", 413, "errmsg", "body over " + MAX_BODY + " bytes"));
  }

  private void keep(String platform, boolean signed, Map<String, Object> body) {
    Object markdown = body.get("markdown");
    String title = "";
    String text = String.valueOf(body);
    if (markdown instanceof Map<?, ?> md) {
      title = md.get("title") == null ? "" : String.valueOf(md.get("title"));
      Object content = md.containsKey("content") ? md.get("content") : md.get("text");
      text = String.valueOf(content);
    }
    // the wall clock: this stands for the robot platform's own server, not for Duban
    posts.addFirst(new WebhookPost(LocalDateTime.now(), platform, signed, title, text));
    while (posts.size() > KEPT) {
      posts.pollLast();
    }
  }

  /** Newest first. */
  List<WebhookPost> posts() {
    return new ArrayList<>(posts);
  }
}
