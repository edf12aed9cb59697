package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads over the server's multipart limit, over real HTTP (Tomcat enforces the limit, MockMvc
 * does not): an evidence file of 13 MB comes back to the item with a Chinese message and nothing is
 * stored.
 */
@RunningAppTest
@Attack(AttackCategory.OVERSIZED)
class OversizedUploadHttpAttackTest {

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired AttackScenes scenes;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  private HttpResponse<String> upload(Browser browser, String path, String field, String name, String referer)
      throws Exception {
    String token = Browser.csrfOf(browser.get("/tasks").body());
    String boundary = "----attack" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name + "\"\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(new byte[13 * 1024 * 1024]);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.send(browser.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Referer", "http://localhost:" + port + referer)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  @Test
  void anEvidenceFileOverTheLimitComesBackToTheItemWithAMessage() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("超限佐证");
    Browser browser = new Browser(port).logIn("tmedhead");
    String itemPage = "/items/" + noticed.item().itemId();
    HttpResponse<String> response = upload(browser, "/supervision/rectifications/" + noticed.rectification().getId()
        + "/files", "file", "big.pdf", itemPage);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(itemPage));
    assertThat(browser.get(itemPage).body()).contains("文件太大").contains("没有保存任何内容");
    assertThat(jdbc.queryForObject("select count(*) from rectification_attachment where rectification_id = ?", Long.class,
        noticed.rectification().getId())).isZero();
  }
}
