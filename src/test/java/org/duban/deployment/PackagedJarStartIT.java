package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.duban.fault.FaultPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged jar, started with {@code java -jar} in an empty folder on the PostgreSQL profile and
 * no model folder configured, deploys the models packaged in it. A second node, started in another
 * empty folder after a model was uploaded (a row of {@code model_file}), deploys the upload in place
 * of its packaged file: no shared file system.
 */
class PackagedJarStartIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("duban.fault.start-timeout", 480));

  @TempDir Path firstFolder;
  @TempDir Path secondFolder;

  @Test
  void theJarStartsInAnEmptyFolderAndDeploysThePackagedModelsThenAnUploadOnTheNextNode() throws Exception {
    try (FaultPostgres db = FaultPostgres.start()) {
      JdbcTemplate jdbc = db.jdbc();

      Process first = start(db, firstFolder, "packaged-first");
      try {
        assertThat(log("packaged-first")).contains("Starting set of models: classpath:models/processes/");
        assertThat(jdbc.queryForList("select name_ from act_re_deployment", String.class)).contains(
            "duban:department-work.bpmn", "duban:weekly-supervision.bpmn", "duban:item-light.dmn",
            "duban:escalation.bpmn", "duban:task-book-issuance.bpmn");
        assertThat(jdbc.queryForObject("select count(*) from act_re_procdef where key_ = 'departmentWork'", Long.class))
            .isEqualTo(1L);
        try (Stream<Path> files = Files.list(firstFolder)) {
          assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("processes", "forms");
        }
      } finally {
        stop(first);
      }

      // an admin's upload, as ModelUpload stores it
      String itemLight = new String(PackagedJarStartIT.class.getClassLoader()
          .getResourceAsStream("models/processes/item-light.dmn").readAllBytes(), StandardCharsets.UTF_8);
      String uploaded = itemLight.replace("\"两次及以上未按时填报月度进展\"", "\"两次及以上未按时填报月度进展（上传）\"");
      assertThat(uploaded).isNotEqualTo(itemLight);
      jdbc.update("insert into model_file (resource, content, origin, stored_by, stored_at) values (?, ?, ?, ?, ?)",
          "processes/item-light.dmn", uploaded.getBytes(StandardCharsets.UTF_8), "upload", "admin",
          Timestamp.valueOf(LocalDateTime.now()));

      Process second = start(db, secondFolder, "packaged-second");
      try {
        assertThat(jdbc.queryForObject(
            "select max(version_) from act_re_decision_def where key_ = 'itemLight'", Integer.class)).isEqualTo(2);
        byte[] latest = jdbc.queryForObject(
            "select r.bytes_ from act_ge_bytearray r join act_re_decision_def d on d.deployment_id_ = r.deployment_id_"
                + " where d.key_ = 'itemLight' and d.version_ = 2 and r.name_ = 'processes/item-light.dmn'", byte[].class);
        assertThat(new String(latest, StandardCharsets.UTF_8)).contains("（上传）");
        // and nothing else got a new version
        assertThat(jdbc.queryForObject("select count(*) from act_re_procdef where key_ = 'departmentWork'", Long.class))
            .isEqualTo(1L);
      } finally {
        stop(second);
      }
    }
  }

  private Process start(FaultPostgres db, Path folder, String name) throws Exception {
    Path log = logFile(name);
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(log);
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai",
        "-Dfile.encoding=UTF-8", "-jar", jar().toString(), "--spring.profiles.active=postgres",
        "--server.port=" + freePort()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("DUBAN_"));
    builder.environment().put("DUBAN_DB_URL", db.jdbcUrl());
    builder.environment().put("DUBAN_DB_USER", db.user());
    builder.environment().put("DUBAN_DB_PASSWORD", db.password());
    builder.environment().put("DUBAN_DEMO", "false");
    Process process = builder.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!log(name).contains("Duban ready on port")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError(name + " did not start:\n" + log(name));
      }
      Thread.sleep(500);
    }
    return process;
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static Path logFile(String name) {
    return Path.of("target", "fault-logs", name + ".log").toAbsolutePath();
  }

  private static String log(String name) throws IOException {
    Path log = logFile(name);
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("duban-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no target/duban-*.jar: run mvn package first")).toAbsolutePath();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
