package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: the packaged jar starts as its own process on PostgreSQL with the demo, a
 * person logs in over HTTP, a SIGKILL ends the process at once, and it starts again on the same
 * database (demo not seeded twice).
 */
class AppProcessIT {

  @Test
  void theJarStartsServesIsKilledAndStartsAgainOnTheSameDatabase() {
    try (FaultPostgres db = FaultPostgres.start(); AppProcess app = db.node("harness")) {
      app.start();
      System.out.printf("[fault] harness resident after start: %d MB%n", app.residentKb() / 1024);
      HttpResponse<String> home = new WebClient(app.baseUrl()).logIn("shuji").get("/tasks");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).contains("王建国");
      Integer people = db.jdbc().queryForObject("select count(*) from person", Integer.class);

      long pid = app.pid();
      app.kill();
      assertThat(app.isAlive()).isFalse();
      assertThat(ProcessHandle.of(pid)).isEmpty();
      assertThat(new java.io.File("/proc/" + pid)).doesNotExist();

      app.start();
      assertThat(app.pid()).isNotEqualTo(pid);
      assertThat(new WebClient(app.baseUrl()).logIn("yuanzhang").get("/tasks").statusCode()).isEqualTo(200);
      assertThat(db.jdbc().queryForObject("select count(*) from person", Integer.class)).isEqualTo(people);

      app.stop();
      assertThat(app.isAlive()).isFalse();
      assertThat(app.logSinceLastStart()).doesNotContain("Exception in thread");
    }
  }
}
