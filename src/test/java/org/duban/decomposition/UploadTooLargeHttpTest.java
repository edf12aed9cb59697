package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload over the server's multipart limit, over real HTTP as a browser sends it: the person is
 * sent back to the page they came from with a Chinese message, nothing is deployed.
 */
@RunningAppTest
class UploadTooLargeHttpTest {

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired RepositoryService repositoryService;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  @Test
  void aModelFileOverTheLimitComesBackToThePageWithAMessage() throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager()).build();
    logIn(browser, "tadmin");
    String csrf = csrf(get(browser, "/admin/models").body());
    long deployments = repositoryService.createDeploymentQuery().count();

    String boundary = "----duban" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(new byte[11 * 1024 * 1024]);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> upload = browser.send(HttpRequest.newBuilder(uri("/admin/models/upload"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Referer", "http://localhost:" + port + "/admin/models")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(upload.statusCode()).isEqualTo(302);
    assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/models"));
    assertThat(get(browser, "/admin/models").body()).contains("文件太大").contains("没有保存任何内容");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aForeignRefererIsNotFollowed() throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager()).build();
    logIn(browser, "tadmin");
    String csrf = csrf(get(browser, "/admin/models").body());
    String boundary = "----duban" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.form\"\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(head);
    body.write(new byte[11 * 1024 * 1024]);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> upload = browser.send(HttpRequest.newBuilder(uri("/admin/models/upload"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Referer", "https://evil.example/phish")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).isEqualTo(302);
    assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(l ->
        assertThat(URI.create(l).getHost()).isIn(null, "localhost"));
  }

  private void logIn(HttpClient browser, String username) throws IOException, InterruptedException {
    String token = csrf(get(browser, "/login").body());
    String form = "username=" + username + "&password=" + URLEncoder.encode(TestHospital.PASSWORD, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(login.statusCode()).isEqualTo(302);
  }

  private static String csrf(String page) {
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("CSRF field").isTrue();
    return csrf.group(1);
  }

  private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
