package org.duban.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Class-data sharing (CDS) for the fault tests' starts of the packaged app. A start of the jar
 * spends half its time loading and verifying classes; Spring Boot's documented recipe (extract the
 * jar with its {@code tools} jar mode, one training run that stops after the context refresh and
 * writes an archive, then start with that archive) halved a start on this two-core machine: 14.6 s
 * to 7.6 s measured with an empty H2 database. The fault tests start the app a dozen times, so the
 * archive pays for its training run several times over.
 *
 * <p>The archive is made once per build in {@code target/cds} (two failsafe JVMs share it under a
 * file lock) and made again when the jar changes. When anything goes wrong the tests start the jar
 * as before: a start is never refused for the archive, and a JVM that cannot use it runs without
 * it. {@link FreshInstallationIT} keeps starting the jar itself, as an installer would.
 */
final class SharedClassArchive {

  /** The extracted application jar and the archive trained on it. */
  record Launch(Path jar, Path archive) {}

  private static Optional<Launch> launch;

  private SharedClassArchive() {}

  /**
   * The archive for this jar, trained now if needed; empty when it could not be made, or while the
   * other test JVM trains it (this start then goes without rather than wait, and the next one asks
   * again).
   */
  static synchronized Optional<Launch> of(Path fatJar, List<String> jvmOptions) {
    if (launch == null) {
      if (Boolean.getBoolean("duban.fault.no-cds")) {
        launch = Optional.empty();
      } else {
        return make(fatJar, jvmOptions);
      }
    }
    return launch;
  }

  /** Sets {@link #launch} unless another JVM holds the folder's lock. */
  private static Optional<Launch> make(Path fatJar, List<String> jvmOptions) {
    Path folder = fatJar.getParent().resolve("cds");
    try {
      Files.createDirectories(folder);
      try (FileChannel channel =
              FileChannel.open(
                  folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        if (lock == null) {
          System.out.println(
              "[fault] the other test JVM trains the class-data archive; this start goes without");
          return Optional.empty();
        }
        launch = trained(fatJar, jvmOptions, folder);
        return launch;
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("[fault] no class-data archive (" + e + "); the jar starts without one");
      launch = Optional.empty();
      return launch;
    }
  }

  private static Optional<Launch> trained(Path fatJar, List<String> jvmOptions, Path folder)
      throws IOException {
    Path app = folder.resolve("app");
    Path jar = app.resolve(fatJar.getFileName());
    Path archive = folder.resolve("app.jsa");
    Path madeFrom = folder.resolve("made-from.txt");
    String source =
        fatJar + " " + Files.size(fatJar) + " " + Files.getLastModifiedTime(fatJar).toMillis();
    if (Files.isRegularFile(archive)
        && Files.isRegularFile(jar)
        && Files.isRegularFile(madeFrom)
        && Files.readString(madeFrom, StandardCharsets.UTF_8).equals(source)) {
      return Optional.of(new Launch(jar, archive));
    }
    long begun = System.nanoTime();
    delete(app);
    Files.deleteIfExists(archive);
    Files.deleteIfExists(madeFrom);
    run(
        folder,
        List.of(
            java(),
            "-Djarmode=tools",
            "-jar",
            fatJar.toString(),
            "extract",
            "--destination",
            app.toString()),
        120);
    Path training = folder.resolve("training");
    delete(training);
    Files.createDirectories(training);
    List<String> train = new ArrayList<>();
    train.add(java());
    train.addAll(jvmOptions);
    train.addAll(
        List.of(
            "-XX:ArchiveClassesAtExit=" + archive,
            "-Dspring.context.exit=onRefresh",
            "-jar",
            jar.toString(),
            "--server.port=0"));
    run(training, train, 300);
    if (!Files.isRegularFile(archive) || !Files.isRegularFile(jar)) {
      System.out.println("[fault] no class-data archive was written; the jar starts without one");
      return Optional.empty();
    }
    Files.writeString(madeFrom, source, StandardCharsets.UTF_8);
    System.out.printf(
        "[fault] class-data archive trained in %.1f s: %s%n",
        (System.nanoTime() - begun) / 1e9, archive);
    return Optional.of(new Launch(jar, archive));
  }

  /**
   * Runs a command in a folder, its output to {@code run.log} there, with Duban's defaults (no
   * DUBAN_*).
   */
  private static void run(Path folder, List<String> command, long timeoutSeconds)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("run.log").toFile()));
    builder.environment().keySet().removeIf(key -> key.startsWith("DUBAN_"));
    Process process = builder.start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "exit "
              + process.exitValue()
              + " of "
              + command.get(command.size() - 1)
              + ", see "
              + folder.resolve("run.log"));
    }
  }

  private static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
