package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.duban.HttpBrowser;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, where Tomcat and the firewall in front of the pages answer: redirects that would
 * lead off the site, encoded paths that climb out of a folder, the TRACE method, and error pages
 * that must not show the server's insides.
 */
@RunningAppTest
class OddInputHttpAttackTest {

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired AttackScenes scenes;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  private static void assertNoInsides(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("java.lang")
        .doesNotContain("Whitelabel");
  }

  /**
   * An upload over the multipart limit anywhere but the import page (which draws its own page) is
   * sent back to the page it came from, by the Referer: an evidence file here. The item page it
   * came from is where it goes (so the Referer is read); a Referer that names another site, or
   * hides one behind a user name, a second slash, a backslash or an encoding, leads to a page of
   * this site.
   */
  @Test
  @Attack(AttackCategory.ODD_INPUT)
  void theUploadLimitsWayBackNeverLeadsOffTheSite() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("超限返回");
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tmedhead");
    String uploadPath = "/supervision/rectifications/" + noticed.rectification().getId() + "/files";
    String itemPage = "/items/" + noticed.item().itemId();
    String site = "http://localhost:" + port;

    URI back = URI.create(overLimitUpload(browser, uploadPath, site + itemPage));
    assertThat(back.getHost()).isIn(null, "localhost");
    assertThat(back.getRawPath()).as("the page the upload came from").isEqualTo(itemPage);

    for (String referer :
        new String[] {
          "//evil.example/phish",
          site + "//evil.example/phish",
          "https://evil.example/books",
          "http://evil.example@localhost:" + port + "//evil.example/",
          "evil@localhost",
          "evil.example",
          "http://localhost:" + port + "@evil.example/books",
          site + "/%2F%2Fevil.example/",
          site + "/%5C%5Cevil.example/",
          site + "/\\evil.example/",
          "/\\evil.example",
          "%2F%2Fevil.example",
          "javascript:alert(1)",
          "http:evil.example"
        }) {
      String location = overLimitUpload(browser, uploadPath, referer);
      URI target = URI.create(location);
      assertThat(target.getScheme()).as(referer).isIn(null, "http");
      assertThat(target.getHost()).as(referer).isIn(null, "localhost");
      assertThat(target.getRawPath())
          .as(referer)
          .startsWith("/")
          .doesNotStartWith("//")
          .doesNotContain("\\");
      assertThat(java.net.URLDecoder.decode(target.getRawPath(), StandardCharsets.UTF_8))
          .as(referer)
          .doesNotStartWith("//")
          .doesNotStartWith("/\\");
    }
  }

  /**
   * Posts a 13 MB evidence file with this Referer; the Location it is sent to (a 302 is required).
   */
  private String overLimitUpload(HttpBrowser browser, String path, String referer)
      throws Exception {
    HttpResponse<String> response =
        browser.postFile(
            path,
            Map.of("_csrf", browser.csrfFrom("/tasks")),
            "file",
            "big.pdf",
            null,
            new byte[13 * 1024 * 1024],
            "Referer",
            referer);
    assertThat(response.statusCode()).as(referer).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  @Test
  @Attack(AttackCategory.ODD_INPUT)
  void aLogInDoesNotFollowARedirectParameterOffTheSite() throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port);
    browser.get(
        "/login?redirect=https://evil.example/&continue=https://evil.example/&next=//evil.example/");
    HttpResponse<String> login =
        browser.postForm(
            "/login?redirect=https://evil.example/",
            "/login",
            "username=tmedhead&password="
                + TestHospital.PASSWORD
                + "&redirect=https://evil.example/&next=//evil.example/");
    String location = login.headers().firstValue("Location").orElseThrow();
    assertThat(URI.create(location).getHost()).isIn(null, "localhost");
    assertThat(location).doesNotContain("evil");
  }

  @Test
  @Attack(AttackCategory.PATH_TRAVERSAL)
  void encodedPathsThatClimbOutOfAFolderServeNothing() throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tducha");
    for (String path :
        new String[] {
          "/css/..%2f..%2fapplication.yml",
          "/js/%2e%2e/%2e%2e/application.yml",
          "/supervision/files/..%2F..%2Fetc%2Fpasswd",
          "/css/..;/..;/application.yml",
          "/vendor/..%5c..%5capplication.yml"
        }) {
      HttpResponse<String> response = browser.get(path);
      assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
      assertThat(response.body()).as(path).doesNotContain("spring:").doesNotContain("root:");
      assertNoInsides(response.body());
    }
  }

  @Test
  @Attack(AttackCategory.ODD_INPUT)
  void traceIsNotAnswered() throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tmedhead");
    HttpResponse<String> trace =
        browser.send(
            browser.request("/tasks").method("TRACE", HttpRequest.BodyPublishers.noBody()));
    assertThat(trace.statusCode()).isIn(400, 403, 405);
    assertThat(trace.body()).doesNotContain("Cookie").doesNotContain("JSESSIONID");
  }

  @Test
  @Attack(AttackCategory.ODD_INPUT)
  void errorPagesShowNoStackTraceOrServerInsides() throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tducha");
    for (String path :
        new String[] {
          "/items/not-a-number",
          "/items/99999999999999999999",
          "/books/1%00",
          "/board/items?year=abc",
          "/supervision/meeting?kind=DROP_TABLE",
          "/no/such/page"
        }) {
      HttpResponse<String> response = browser.get(path);
      assertThat(response.statusCode()).as(path).isBetween(400, 499);
      assertNoInsides(response.body());
    }
    HttpResponse<String> json =
        browser.send(
            browser.request("/board/data?year=abc").header("Accept", "application/json").GET());
    assertThat(json.statusCode()).isBetween(400, 499);
    assertNoInsides(json.body());
    assertThat(json.body()).doesNotContain("\"trace\"");
  }
}
