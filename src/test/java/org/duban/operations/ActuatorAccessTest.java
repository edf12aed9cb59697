package org.duban.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.HttpBrowser.basic;

import java.net.http.HttpResponse;
import org.duban.HttpBrowser;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees what of Actuator, over real HTTP as a load balancer, Prometheus and a browser ask:
 * health and its probes are open but show only the status; its components, the metrics and
 * Prometheus's scrape are for admins (a session or HTTP Basic).
 */
@RunningAppTest
class ActuatorAccessTest {

  @LocalServerPort int port;
  @Autowired TestHospital hospital;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  @Test
  void theLoadBalancerReadsHealthAndItsProbesWithoutLoggingInButNoDetails() throws Exception {
    HttpBrowser anonymous = HttpBrowser.onPort(port);
    for (String path :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      HttpResponse<String> health = anonymous.get(path);
      assertThat(health.statusCode()).as(path).isEqualTo(200);
      assertThat(health.body())
          .as(path)
          .startsWith("{\"status\":\"UP\"")
          .doesNotContain("components")
          .doesNotContain("details")
          .doesNotContain("\"db\"");
    }
  }

  @Test
  void anAdminSeesTheComponentsAndReadinessLooksAtTheDatabase() throws Exception {
    HttpBrowser admin = HttpBrowser.onPort(port).logIn("tadmin", TestHospital.PASSWORD);

    HttpResponse<String> health = admin.get("/actuator/health");
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"").contains("\"diskSpace\"");

    HttpResponse<String> readiness = admin.get("/actuator/health/readiness");
    assertThat(readiness.body()).contains("\"db\":").contains("\"readinessState\":");
    // a node is not killed for the database being away: liveness never asks it, and never reads the
    // session (in the database) either, so its components show to an admin by HTTP Basic only
    HttpResponse<String> liveness =
        admin.send(
            HttpBrowser.basic(
                    admin.request("/actuator/health/liveness"), "tadmin", TestHospital.PASSWORD)
                .GET());
    assertThat(liveness.body()).contains("\"livenessState\":").doesNotContain("\"db\"");
    assertThat(admin.get("/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void aLoggedInNonAdminSeesNoDetailsOfHealth() throws Exception {
    HttpBrowser head = HttpBrowser.onPort(port).logIn("tmedhead", TestHospital.PASSWORD);
    assertThat(head.get("/actuator/health").body())
        .startsWith("{\"status\":\"UP\"")
        .doesNotContain("components")
        .doesNotContain("details");
  }

  @Test
  void prometheusAndMetricsAskAnonymousCallersForCredentials() throws Exception {
    HttpBrowser anonymous = HttpBrowser.onPort(port);
    for (String path :
        new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator"}) {
      HttpResponse<String> response = anonymous.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      // no Basic challenge: a browser shows no password dialog and keeps no credentials for the
      // site
      assertThat(response.headers().allValues("WWW-Authenticate"))
          .as(path)
          .noneMatch(v -> v.toLowerCase().startsWith("basic"));
      assertThat(response.body()).as(path).doesNotContain("jvm_");
    }
  }

  @Test
  void nonAdminsAreRefusedPrometheusAndMetricsLoggedInOrWithBasic() throws Exception {
    for (String user : new String[] {"tmedhead", "tleader", "tducha"}) {
      HttpBrowser browser = HttpBrowser.onPort(port).logIn(user, TestHospital.PASSWORD);
      assertThat(browser.get("/actuator/prometheus").statusCode()).as(user).isEqualTo(403);
      assertThat(browser.get("/actuator/metrics").statusCode()).as(user).isEqualTo(403);
      HttpResponse<String> withBasic =
          HttpBrowser.onPort(port)
              .send(
                  basic(
                          HttpBrowser.onPort(port).request("/actuator/prometheus"),
                          user,
                          TestHospital.PASSWORD)
                      .GET());
      assertThat(withBasic.statusCode()).as(user + " with Basic").isEqualTo(403);
    }
    HttpResponse<String> wrongPassword =
        HttpBrowser.onPort(port)
            .send(
                basic(
                        HttpBrowser.onPort(port).request("/actuator/prometheus"),
                        "tadmin",
                        "not-the-password")
                    .GET());
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
  }

  @Test
  void prometheusScrapesWithTheAdminsBasicCredentialsAndSeesTheEngineJobs() throws Exception {
    HttpBrowser scraper = HttpBrowser.onPort(port);
    HttpResponse<String> scrape =
        scraper.send(
            basic(scraper.request("/actuator/prometheus"), "tadmin", TestHospital.PASSWORD).GET());

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("duban_engine_jobs_due{application=\"duban\"}")
        .contains("duban_engine_jobs_failed{application=\"duban\"}")
        .contains("duban_engine_incidents{application=\"duban\"}")
        .contains("hikaricp_connections_active")
        .contains("http_server_requests_seconds_count");
    // and no session is made for the scraper
    assertThat(scrape.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
  }

  @Test
  void anAdminLoggedInOnThePagesReadsMetricsButNoUnexposedEndpoint() throws Exception {
    HttpBrowser admin = HttpBrowser.onPort(port).logIn("tadmin", TestHospital.PASSWORD);
    assertThat(admin.get("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(200);
    assertThat(admin.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    // the environment (passwords in it) and heap dumps are not exposed at all
    assertThat(admin.get("/actuator/env").statusCode()).isEqualTo(404);
    assertThat(admin.get("/actuator/heapdump").statusCode()).isEqualTo(404);
  }
}
