package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.duban.HttpBrowser;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Issue 15 point 15: the audit log names the kinds of object in the reader's language (Chinese, and
 * English with {@code ?lang=en}), and a failed log-in over real HTTP is recorded with the address
 * it came from.
 */
class AuditKindsAndLogInAddressWebTest extends WebTestSupport {

  /** Every kind of object Duban records events about today. */
  static final List<String> KINDS =
      List.of(
          "task",
          "work-item",
          "task-book",
          "calendar-day",
          "calendar-year",
          "robot",
          "delivery",
          "model",
          "incident",
          "person",
          "department",
          "account",
          "assessment",
          "process",
          "decomposition-header");

  @Autowired AuditLog auditLog;
  @Autowired MessageSource messages;
  @LocalServerPort int port;

  String page(String path) throws Exception {
    return mvc.perform(get(path).with(user(hospital.user("tadmin"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void everyKindOfObjectHasAChineseAndAnEnglishName() {
    for (String kind : KINDS) {
      String chinese =
          messages.getMessage("audit.subject." + kind, null, null, Locale.SIMPLIFIED_CHINESE);
      String english = messages.getMessage("audit.subject." + kind, null, null, Locale.ENGLISH);
      assertThat(chinese).as("Chinese name of %s", kind).isNotBlank();
      assertThat(english).as("English name of %s", kind).isNotBlank().isNotEqualTo(chinese);
    }
  }

  @Test
  void theLogNamesAnAssessmentAndAProcessInTheReadersLanguage() throws Exception {
    String assessment = "kind-" + UUID.randomUUID().toString().substring(0, 8);
    auditLog.record("assessment.open", "assessment", assessment, null, Map.of("weights", 100));
    auditLog.record("model.migrate", "process", assessment, null, Map.of("version", 2));

    String chinese = page("/admin/audit?subjectId=" + assessment);
    assertThat(chinese)
        .contains("年终考核 " + assessment)
        .contains("流程 " + assessment)
        .doesNotContain(">assessment " + assessment)
        .contains("迁移流程实例");
    // the search form offers the kinds by name
    assertThat(chinese).contains("<option value=\"assessment\">年终考核</option>");

    String english = page("/admin/audit?lang=en&subjectId=" + assessment);
    assertThat(english)
        .contains("Year-end assessment " + assessment)
        .contains("Process " + assessment)
        .contains("<option value=\"assessment\">Year-end assessment</option>");
  }

  @Test
  void aFailedLogInIsRecordedWithTheAddressItCameFrom() throws Exception {
    String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    HttpBrowser browser = HttpBrowser.onPort(port);

    HttpResponse<String> refused =
        browser.postForm(
            "/login",
            Map.of("username", name, "password", "wrong"),
            HttpBrowser.csrfOf(browser.get("/login").body()));
    assertThat(refused.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));

    List<AuditEvent> events =
        auditLog
            .search(new AuditSearch(null, "login.failed", "account", name, null, null, null), 0, 10)
            .getContent();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getActor()).isEqualTo(name);
              assertThat(e.getAddress())
                  .as("address of the failed log-in")
                  .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            });
  }
}
