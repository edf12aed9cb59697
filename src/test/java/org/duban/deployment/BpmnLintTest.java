package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Camunda Modeler's rules over {@code processes/}: bpmnlint with {@code bpmnlint:recommended} and
 * bpmnlint-plugin-camunda-compat's Camunda 7.24 rules ({@code processes/.bpmnlintrc}), from the npm
 * project in {@code src/lint} that the build installs. Any error fails the suite; warnings are
 * printed. The broken fixture proves the lint would catch a broken model.
 */
class BpmnLintTest {

  private static final Path LINT = Path.of("src/lint").toAbsolutePath();
  private static final Path CONFIG = Path.of("processes/.bpmnlintrc").toAbsolutePath();

  record Run(int exit, String output) {}

  @Test
  void everyProcessPassesModelersRules() throws Exception {
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(7);
    Run run = bpmnlint(models);
    System.out.println("bpmnlint over processes/ (exit " + run.exit() + "):\n" + run.output());
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain(" error ");
  }

  @Test
  void aBrokenModelFailsTheLint() throws Exception {
    Run run = bpmnlint(List.of(Path.of("src/test/resources/lint/broken.bpmn")));
    System.out.println(
        "bpmnlint over the broken fixture (exit " + run.exit() + "):\n" + run.output());
    assertThat(run.exit()).as(run.output()).isNotZero();
    assertThat(run.output())
        .contains("orphanStart")
        .contains("no-disconnected")
        .contains("end-event-required")
        .containsPattern("\\d+ errors?");
  }

  /**
   * Runs in src/lint, where bpmnlint resolves the plugin named in the configuration from
   * node_modules (as {@code npm run lint} does).
   */
  private static Run bpmnlint(List<Path> files) throws IOException, InterruptedException {
    Path bin = LINT.resolve("node_modules/.bin/bpmnlint");
    assertThat(bin)
        .as(
            "bpmnlint is not installed in src/lint: the build's generate-resources phase runs npm ci there "
                + "(mvn test-compile), or run `npm ci` in src/lint")
        .exists();
    List<String> command =
        new ArrayList<>(List.of("node", bin.toString(), "--config", CONFIG.toString()));
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    Process process =
        new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("bpmnlint finished").isTrue();
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
