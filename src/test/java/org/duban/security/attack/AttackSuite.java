package org.duban.security.attack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Counts the attack suite's cases by category and prints the table once, when the test run ends
 * (the root context's store closes its resources then), and keeps it in target/attack-suite.txt. A
 * case "refused as expected" is a test that passed: it asserted the refusal and that nothing
 * changed. A case that failed is a hole, named in the table and failing the build as any test does.
 */
final class AttackSuite implements BeforeAllCallback, TestWatcher {

  enum Outcome {
    REFUSED,
    NOT_REFUSED,
    SKIPPED
  }

  record Case(AttackCategory category, String name, Outcome outcome, String why) {}

  private static final List<Case> CASES = new ArrayList<>();
  private static final List<String> NOTES = new ArrayList<>();
  private static final String NOTE = "NOTE";

  /** A measured figure (say, the heap a case used) printed under the table. */
  static void note(String line) {
    synchronized (NOTES) {
      NOTES.add(line);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Report.class, key -> new Report(), Report.class);
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    record(context, Outcome.REFUSED, null);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    record(
        context,
        Outcome.NOT_REFUSED,
        String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    record(context, Outcome.SKIPPED, String.valueOf(cause.getMessage()));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    record(context, Outcome.SKIPPED, reason.orElse(""));
  }

  private static void record(ExtensionContext context, Outcome outcome, String why) {
    AttackCategory category =
        context
            .getTestMethod()
            .flatMap(m -> AnnotationSupport.findAnnotation(m, Attack.class))
            .or(
                () ->
                    context
                        .getTestClass()
                        .flatMap(c -> AnnotationSupport.findAnnotation(c, Attack.class)))
            .map(Attack::value)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "an attack case without a category: " + context.getUniqueId()));
    String method = context.getTestMethod().map(m -> m.getName()).orElse("");
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "."
            + method
            + (context.getDisplayName().startsWith(method) ? "" : " " + context.getDisplayName());
    synchronized (CASES) {
      CASES.add(new Case(category, name, outcome, why));
    }
  }

  /** The table of this JVM's cases and those other test JVMs of the same run have written down. */
  /** What the run's test JVMs have recorded so far: the cases and the measured figures. */
  private record Run(List<Case> cases, List<String> notes) {}

  static String table() {
    Run run = thisRun();
    return table(run.cases(), run.notes());
  }

  static String table(List<Case> cases, List<String> notes) {
    Map<AttackCategory, int[]> counts = new EnumMap<>(AttackCategory.class);
    for (Case c : cases) {
      counts.computeIfAbsent(c.category(), k -> new int[3])[c.outcome().ordinal()]++;
    }
    long refused = cases.stream().filter(c -> c.outcome() == Outcome.REFUSED).count();
    StringBuilder out = new StringBuilder();
    out.append("\n")
        .append(
            String.format("Attack suite: %d cases, %d refused as expected", cases.size(), refused))
        .append("\n");
    String row = "  %-70s %6s %8s %12s %8s%n";
    out.append(String.format(row, "category", "cases", "refused", "not refused", "skipped"));
    for (Map.Entry<AttackCategory, int[]> e : counts.entrySet()) {
      int[] n = e.getValue();
      out.append(
          String.format(
              row,
              e.getKey().name() + " (" + e.getKey().label() + ")",
              n[0] + n[1] + n[2],
              n[0],
              n[1],
              n[2]));
    }
    for (Case c : cases) {
      if (c.outcome() != Outcome.REFUSED) {
        out.append("  ")
            .append(c.outcome())
            .append(": ")
            .append(c.name())
            .append(" — ")
            .append(c.why())
            .append("\n");
      }
    }
    notes.forEach(line -> out.append("  ").append(line).append("\n"));
    return out.toString();
  }

  /**
   * Surefire runs test classes in several JVMs at once, each with its own share of the cases. Each
   * JVM writes its cases to a file of the run's folder (target/attack-suite/&lt;run&gt;, the run
   * named by the build, see pom.xml) and prints the table of all files there, so the JVM that ends
   * last prints the whole suite.
   */
  private static Run thisRun() {
    List<Case> own;
    synchronized (CASES) {
      own = List.copyOf(CASES);
    }
    List<String> ownNotes;
    synchronized (NOTES) {
      ownNotes = List.copyOf(NOTES);
    }
    Path folder = runFolder();
    if (folder == null) {
      return new Run(own, ownNotes);
    }
    try {
      Files.createDirectories(folder);
      List<String> lines = new ArrayList<>();
      for (Case c : own) {
        lines.add(
            String.join(
                "\t", c.category().name(), c.outcome().name(), clean(c.name()), clean(c.why())));
      }
      ownNotes.forEach(note -> lines.add(NOTE + "\t" + clean(note)));
      Files.write(
          folder.resolve("jvm-" + ProcessHandle.current().pid() + ".tsv"),
          lines,
          StandardCharsets.UTF_8);
      List<Case> all = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      try (var files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals(NOTE)) {
              notes.add(f[1]);
              continue;
            }
            all.add(
                new Case(
                    AttackCategory.valueOf(f[0]),
                    f[2],
                    Outcome.valueOf(f[1]),
                    f[3].equals("null") ? null : f[3]));
          }
        }
      }
      return new Run(all, notes);
    } catch (IOException | RuntimeException e) {
      System.out.println("attack suite: cases of other test JVMs not read: " + e);
      return new Run(own, ownNotes);
    }
  }

  private static String clean(String text) {
    return String.valueOf(text).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static Path runFolder() {
    String run = System.getProperty("duban.test.run");
    Path target = Path.of("target");
    return run == null || run.isBlank() || !Files.isDirectory(target)
        ? null
        : target.resolve("attack-suite").resolve(run);
  }

  /** Closed by JUnit when the whole run ends. */
  private static final class Report implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      String table = table();
      System.out.println(table);
      try {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
          Files.writeString(target.resolve("attack-suite.txt"), table, StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        System.out.println("attack-suite.txt not written: " + e.getMessage());
      }
    }
  }
}
