package org.duban.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Posts JSON to a group robot's webhook. Both platforms answer HTTP 200 with {@code errcode} in the
 * body, so a non-zero {@code errcode} (a bad key, a wrong signature, too many messages) is a
 * failure just like HTTP 500 or a timeout.
 */
@Component
class RobotWebhook {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ObjectMapper json;
  private final RobotAddresses addresses;

  RobotWebhook(ObjectMapper json, RobotAddresses addresses) {
    this.json = json;
    this.addresses = addresses;
  }

  void post(String url, Map<String, Object> payload) throws DeliveryFailed {
    // checked again before each post: the settings may have changed, a name may resolve elsewhere
    // now
    java.util.Optional<RobotAddresses.Refusal> refusal = addresses.checkOnSend(url);
    if (refusal.isPresent()) {
      throw new DeliveryFailed(
          "robot "
              + hostOf(url)
              + " refused, not sent: "
              + switch (refusal.get()) {
                case MALFORMED -> "not a web address";
                case NOT_HTTPS -> "only https is allowed";
                case HOST_NOT_ALLOWED ->
                    "the host is not in duban.notification.robot-hosts (or does not resolve)";
                case LOCAL_ADDRESS -> "it points to this machine or an internal network";
              });
    }
    String body;
    try {
      body = json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse<String> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | IOException e) {
      throw new DeliveryFailed("robot " + hostOf(url) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryFailed("robot " + hostOf(url) + " answered HTTP " + response.statusCode());
    }
    try {
      JsonNode answer = json.readTree(response.body());
      int errcode = answer.path("errcode").asInt(-1);
      if (errcode != 0) {
        throw new DeliveryFailed(
            "robot "
                + hostOf(url)
                + " answered errcode "
                + errcode
                + ": "
                + answer.path("errmsg").asText(""));
      }
    } catch (JsonProcessingException e) {
      throw new DeliveryFailed("robot " + hostOf(url) + " answered no JSON", e);
    }
  }

  /** The host only: a webhook's key (and a signed URL) must not end up in logs or on pages. */
  private static String hostOf(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return "(bad address)";
    }
  }
}
