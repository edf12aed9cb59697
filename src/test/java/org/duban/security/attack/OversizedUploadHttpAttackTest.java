package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.duban.HttpBrowser;
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

  private HttpResponse<String> upload(
      HttpBrowser browser, String path, String field, String name, String referer)
      throws Exception {
    return browser.postFile(
        path,
        Map.of("_csrf", browser.csrfFrom("/tasks")),
        field,
        name,
        null,
        new byte[13 * 1024 * 1024],
        "Referer",
        "http://localhost:" + port + referer);
  }

  @Test
  void anEvidenceFileOverTheLimitComesBackToTheItemWithAMessage() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("超限佐证");
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tmedhead");
    String itemPage = "/items/" + noticed.item().itemId();
    HttpResponse<String> response =
        upload(
            browser,
            "/supervision/rectifications/" + noticed.rectification().getId() + "/files",
            "file",
            "big.pdf",
            itemPage);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(itemPage));
    assertThat(browser.get(itemPage).body()).contains("文件太大").contains("没有保存任何内容");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from rectification_attachment where rectification_id = ?",
                Long.class,
                noticed.rectification().getId()))
        .isZero();
  }
}
