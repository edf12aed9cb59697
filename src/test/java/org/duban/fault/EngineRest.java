package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.HttpBrowser.basic;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.HttpBrowser;

/**
 * The engine's REST API of a node, as a script would call it: the demo's admin by HTTP Basic, and
 * the header every write call carries (RestApiGuard). Deploys a process, starts it.
 */
final class EngineRest {

  private static final String ADMIN = "admin";
  private static final String PASSWORD = "duban123";
  private static final String SCRIPT_HEADER = "X-Requested-By";
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final HttpBrowser http;

  EngineRest(String baseUrl) {
    this.http = new HttpBrowser(baseUrl);
  }

  /** A process that waits for a timer at {@code due} and ends: one timer job per instance. */
  static String timerProcess(String key, OffsetDateTime due) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://duban.org/fault">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition><bpmn:timeDate>%s</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="passed"/>
            <bpmn:endEvent id="passed"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, due.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  void deploy(String name, String bpmn) throws Exception {
    String boundary = "dubanFaultBoundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + name
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
            + name
            + ".bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> deployed =
        http.send(
            basic(http.request("/engine-rest/deployment/create"), ADMIN, PASSWORD)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(SCRIPT_HEADER, "duban")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
  }

  /** Starts the latest version of the process; returns the instance's id. */
  String start(String key) throws Exception {
    HttpResponse<String> started =
        http.send(
            basic(
                    http.request("/engine-rest/process-definition/key/" + key + "/start"),
                    ADMIN,
                    PASSWORD)
                .header("Content-Type", "application/json")
                .header(SCRIPT_HEADER, "duban")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    Matcher id = ID.matcher(started.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }
}
