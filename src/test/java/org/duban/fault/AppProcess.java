package org.duban.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Duban as a separate operating-system process, for fault tests: the packaged jar (built by {@code
 * mvn package}, before failsafe runs the *IT tests) started with {@code java -jar} on the {@code
 * postgres} profile against a database the test owns, on a free port, with its output in {@code
 * target/fault-logs/<name>.log}. {@link #kill()} is a real SIGKILL of the java process, {@link
 * #stop()} a graceful shutdown (SIGTERM), {@link #start()} starts it again on the same port and
 * database.
 *
 * <pre>{@code
 * try (AppProcess app = AppProcess.onPostgres("node-a", postgres.jdbcUrl(), "postgres", "postgres")) {
 *   app.start();
 *   HttpBrowser shuji = new HttpBrowser(app.baseUrl()).logIn("shuji", "duban123");
 *   app.kill();
 *   app.start();
 * }
 * }</pre>
 */
public final class AppProcess implements AutoCloseable {

  /**
   * Start-up takes 20 to 60 seconds on a quiet two-core machine with a fresh database, minutes on a
   * busy one.
   */
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.getLong("duban.fault.start-timeout", 480));

  /** Logged by org.duban.infrastructure.ReadyLog once the start-up runners are done. */
  private static final String READY_LINE = "Duban ready on port";

  /**
   * Every start's JVM: small and quick to start (the class-data archive is trained with the same).
   */
  static final List<String> BASE_JVM_OPTIONS =
      List.of(
          "-Xmx512m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Duser.timezone=Asia/Shanghai",
          "-Dfile.encoding=UTF-8");

  private final String name;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final java.util.Set<String> unset = new java.util.HashSet<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private final List<String> arguments = new ArrayList<>();
  private final int port;
  private final Path log;
  private Path workingFolder;
  private Process process;

  private AppProcess(String name) {
    this.name = name;
    this.port = freePort();
    this.log = projectDir().resolve("target/fault-logs/" + name + ".log");
    jvmOptions.addAll(BASE_JVM_OPTIONS);
  }

  /**
   * A node on the {@code postgres} profile with the demo hospital on (seeded by the first node that
   * starts on an empty database), the model folders of this checkout, and Duban's defaults
   * otherwise.
   */
  public static AppProcess onPostgres(String name, String jdbcUrl, String user, String password) {
    AppProcess app = new AppProcess(name);
    app.environment.put("DUBAN_DB_URL", jdbcUrl);
    app.environment.put("DUBAN_DB_USER", user);
    app.environment.put("DUBAN_DB_PASSWORD", password);
    app.environment.put("DUBAN_DEMO", "true");
    app.environment.put("DUBAN_PROCESSES_DIR", projectDir().resolve("processes").toString());
    app.environment.put("DUBAN_FORMS_DIR", projectDir().resolve("forms").toString());
    app.environment.put("DUBAN_BASE_URL", app.baseUrl());
    app.arguments.add("--spring.profiles.active=postgres");
    app.arguments.add("--server.port=" + app.port);
    return app;
  }

  /** An environment variable for the next start (e.g. {@code DUBAN_NOTIFY_INTERVAL}). */
  public AppProcess env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  /**
   * No such environment variable for the next start, not even one this JVM has (a default start).
   */
  public AppProcess withoutEnv(String key) {
    environment.remove(key);
    unset.add(key);
    return this;
  }

  /**
   * Starts in this folder instead of the checkout (an empty folder: nothing but the jar to go on).
   */
  public AppProcess in(Path folder) {
    this.workingFolder = folder;
    return this;
  }

  /** A Spring property for the next start, as {@code --key=value}. */
  public AppProcess property(String key, String value) {
    arguments.removeIf(a -> a.startsWith("--" + key + "="));
    arguments.add("--" + key + "=" + value);
    return this;
  }

  /**
   * Starts the jar and returns once it answers HTTP; fails with the log's tail if it dies or times
   * out.
   */
  public AppProcess start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " runs already (pid " + process.pid() + ")");
    }
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "\n===== start " + java.time.Instant.now() + " =====\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      List<String> command = new ArrayList<>();
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      // a start in a folder of its own is an installer's start: the jar as it is shipped
      Optional<SharedClassArchive.Launch> shared =
          workingFolder == null ? SharedClassArchive.of(jar(), BASE_JVM_OPTIONS) : Optional.empty();
      shared.ifPresent(launch -> command.add("-XX:SharedArchiveFile=" + launch.archive()));
      command.add("-jar");
      command.add(shared.map(SharedClassArchive.Launch::jar).orElse(jar()).toString());
      command.addAll(arguments);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory((workingFolder == null ? projectDir() : workingFolder).toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      unset.forEach(builder.environment()::remove);
      long begun = System.nanoTime();
      process = builder.start();
      awaitReady(begun);
      System.out.printf(
          "[fault] %s ready on port %d, pid %d, after %.1f s%n",
          name, port, process.pid(), (System.nanoTime() - begun) / 1e9);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(long begun) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = begun + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " while starting:\n" + logTail(60));
      }
      try {
        HttpResponse<Void> login =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        // Tomcat answers before the start-up runners (deployment, grants, demo) are done
        if (login.statusCode() == 200 && logSinceLastStart().contains(READY_LINE)) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        name + " not ready after " + START_TIMEOUT + ":\n" + logTail(60));
  }

  /** SIGKILL of the java process: no shutdown hooks, no commit of anything in flight. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitForExit(Duration.ofSeconds(30));
    System.out.printf("[fault] %s killed (SIGKILL)%n", name);
  }

  /** SIGTERM: Spring closes the context (graceful shutdown, job executor stopped). */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitForExit(Duration.ofSeconds(60))) {
      kill();
    }
  }

  public AppProcess restart() {
    stop();
    return start();
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** The resident set size from /proc/<pid>/status, in kB (Linux only; -1 elsewhere). */
  public long residentKb() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux or gone
    }
    return -1;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return log;
  }

  /** The log written since the last start. */
  public String logSinceLastStart() {
    try {
      String all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      int start = all.lastIndexOf("===== start ");
      return start < 0 ? all : all.substring(start);
    } catch (IOException e) {
      return "";
    }
  }

  public String logTail(int lines) {
    String[] all = logSinceLastStart().split("\n");
    return String.join(
        "\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
  }

  @Override
  public void close() {
    stop();
  }

  /** The repackaged jar: failsafe passes its path; by hand, the one in target/. */
  static Path jar() {
    String configured = System.getProperty("duban.jar");
    Path jar = configured != null ? Paths.get(configured) : null;
    if (jar == null || !Files.isRegularFile(jar)) {
      try (var files = Files.list(projectDir().resolve("target"))) {
        jar =
            files
                .filter(p -> p.getFileName().toString().matches("duban-.*\\.jar"))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "no packaged jar in target/: run mvn package (or verify)"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return jar.toAbsolutePath();
  }

  static Path projectDir() {
    return Paths.get(System.getProperty("basedir", System.getProperty("user.dir")))
        .toAbsolutePath();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
