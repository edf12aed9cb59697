package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.duban.HttpBrowser;
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
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tadmin");
    String csrf = browser.csrfFrom("/admin/models");
    long deployments = repositoryService.createDeploymentQuery().count();

    HttpResponse<String> upload =
        browser.postFile(
            "/admin/models/upload",
            Map.of("_csrf", csrf),
            "files",
            "big.bpmn",
            "application/octet-stream",
            new byte[11 * 1024 * 1024],
            "Referer",
            "http://localhost:" + port + "/admin/models");

    assertThat(upload.statusCode()).isEqualTo(302);
    assertThat(upload.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/models"));
    assertThat(browser.get("/admin/models").body()).contains("文件太大").contains("没有保存任何内容");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aForeignRefererIsNotFollowed() throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tadmin");
    String csrf = browser.csrfFrom("/admin/models");
    HttpResponse<String> upload =
        browser.postFile(
            "/admin/models/upload",
            Map.of("_csrf", csrf),
            "files",
            "big.form",
            null,
            new byte[11 * 1024 * 1024],
            "Referer",
            "https://evil.example/phish");
    assertThat(upload.statusCode()).isEqualTo(302);
    assertThat(upload.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(URI.create(l).getHost()).isIn(null, "localhost"));
  }
}
