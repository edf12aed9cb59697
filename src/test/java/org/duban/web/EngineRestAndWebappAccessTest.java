package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.TestHospital;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's REST API (HTTP Basic) and the Camunda webapps under {@code /camunda} are for admins
 * only. Asked over real HTTP: Jersey serves the REST API and the webapps' APIs as servlets beside
 * Spring MVC's, which MockMvc never reaches and whose paths MockMvc does not reproduce.
 *
 * <p>The Spring Boot tests of this JVM all name their engine "default", and the REST API takes the
 * engine of that name from a static registry, which may belong to another test context; so these
 * tests look at who gets in, not at which tasks come back.
 */
class EngineRestAndWebappAccessTest extends WebTestSupport {

  @LocalServerPort int port;

  @Test
  void anonymousRestCallsAreAskedToAuthenticate() throws Exception {
    // When the task list is asked for without credentials
    HttpResponse<String> response = send(client(), request("/engine-rest/task").GET());

    // Then HTTP Basic is demanded
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void aWrongPasswordIsNotLetIn() throws Exception {
    assertThat(send(client(), basic(request("/engine-rest/task"), "tadmin", "wrong-password")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aNonAdminWithValidCredentialsIsRefused() throws Exception {
    // When a department head and a leader call the REST API with their own passwords
    // Then both are refused: the engine's authorizations do not mirror Duban's department rights
    assertThat(send(client(), basic(request("/engine-rest/task"), "tmedhead", TestHospital.PASSWORD)).statusCode())
        .isEqualTo(403);
    assertThat(send(client(), basic(request("/engine-rest/user"), "tleader", TestHospital.PASSWORD)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void theAdminReachesTheEngineRestApiWithHttpBasic() throws Exception {
    // When the admin asks for the tasks and the engines with HTTP Basic
    HttpResponse<String> tasks = send(client(), basic(request("/engine-rest/task"), "tadmin", TestHospital.PASSWORD));
    HttpResponse<String> engines = send(client(), basic(request("/engine-rest/engine"), "tadmin", TestHospital.PASSWORD));

    // Then the engine answers with JSON
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[");
    assertThat(engines.statusCode()).isEqualTo(200);
    assertThat(engines.body()).contains("{\"name\":\"default\"}");
  }

  @Test
  void aDepartmentHeadsPageSessionOpensNeitherTheRestApiNorTheWebappApis() throws Exception {
    // Given a department head logged in through the log-in page
    HttpClient browser = client();
    logIn(browser, "tmedhead");
    assertThat(send(browser, request("/tasks").GET()).statusCode()).as("logged in").isEqualTo(200);

    // When the browser, with its session, calls the engine's REST API and the webapps' APIs
    // Then the REST API still wants HTTP Basic, and the webapps refuse
    assertThat(send(browser, request("/engine-rest/task").GET()).statusCode()).isEqualTo(401);
    assertThat(send(browser, request("/engine-rest/user").GET()).statusCode()).isEqualTo(401);
    assertThat(send(browser, request("/camunda/api/engine/engine/").GET()).statusCode()).isEqualTo(403);
    assertThat(send(browser, request("/camunda/app/cockpit/").GET()).statusCode()).isEqualTo(403);
  }

  @Test
  void cockpitIsClosedToAnonymousAndNonAdminUsers() throws Exception {
    // When nobody is logged in, Then the log-in page is asked for
    mvc.perform(get("/camunda/app/cockpit/"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));

    // When a department head, a leader or the supervision office opens Cockpit, Then access is denied
    mvc.perform(get("/camunda/app/cockpit/").with(as("tmedhead"))).andExpect(status().isForbidden());
    mvc.perform(get("/camunda/app/cockpit/").with(as("tleader"))).andExpect(status().isForbidden());
    mvc.perform(get("/camunda/app/cockpit/").with(as("tducha"))).andExpect(status().isForbidden());
  }

  @Test
  void theAdminOpensCockpitAfterLoggingIn() throws Exception {
    // Given the admin logged in through the log-in page
    HttpClient browser = client();
    logIn(browser, "tadmin");

    // When Cockpit is opened, Then it leads to the engine's Cockpit, whose page is served
    HttpResponse<String> entry = send(browser, request("/camunda/app/cockpit/").GET());
    assertThat(entry.statusCode()).isEqualTo(302);
    assertThat(entry.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/cockpit/default/"));
    HttpResponse<String> cockpit = send(browser, request("/camunda/app/cockpit/default/").GET());
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.body()).containsIgnoringCase("cockpit");
  }

  private HttpClient client() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
  }

  private static HttpRequest.Builder basic(HttpRequest.Builder request, String username, String password) {
    String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return request.header("Authorization", "Basic " + token).GET();
  }

  /** Logs in through the page, as a browser does: the CSRF token of the form, then the post. */
  private void logIn(HttpClient browser, String username) throws IOException, InterruptedException {
    String page = send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("CSRF field on the log-in page").isTrue();
    String form = "username=" + username + "&password=" + URLEncoder.encode(TestHospital.PASSWORD, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> login = send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
