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
 * (the root context's store closes its resources then), and keeps it in target/attack-suite.txt.
 * A case "refused as expected" is a test that passed: it asserted the refusal and that nothing
 * changed. A case that failed is a hole, named in the table and failing the build as any test does.
 */
final class AttackSuite implements BeforeAllCallback, TestWatcher {

  enum Outcome { REFUSED, NOT_REFUSED, SKIPPED }

  record Case(AttackCategory category, String name, Outcome outcome, String why) {}

  private static final List<Case> CASES = new ArrayList<>();
  private static final List<String> NOTES = new ArrayList<>();

  /** A measured figure (say, the heap a case used) printed under the table. */
  static void note(String line) {
    synchronized (NOTES) {
      NOTES.add(line);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Report.class, key -> new Report(), Report.class);
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    record(context, Outcome.REFUSED, null);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    record(context, Outcome.NOT_REFUSED, String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
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
    AttackCategory category = context.getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, Attack.class))
        .or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, Attack.class)))
        .map(Attack::value)
        .orElseThrow(() -> new IllegalStateException("an attack case without a category: " + context.getUniqueId()));
    String method = context.getTestMethod().map(m -> m.getName()).orElse("");
    String name = context.getRequiredTestClass().getSimpleName() + "." + method
        + (context.getDisplayName().startsWith(method) ? "" : " " + context.getDisplayName());
    synchronized (CASES) {
      CASES.add(new Case(category, name, outcome, why));
    }
  }

  static String table() {
    List<Case> cases;
    synchronized (CASES) {
      cases = List.copyOf(CASES);
    }
    Map<AttackCategory, int[]> counts = new EnumMap<>(AttackCategory.class);
    for (Case c : cases) {
      counts.computeIfAbsent(c.category(), k -> new int[3])[c.outcome().ordinal()]++;
    }
    long refused = cases.stream().filter(c -> c.outcome() == Outcome.REFUSED).count();
    StringBuilder out = new StringBuilder();
    out.append("\n").append(String.format("Attack suite: %d cases, %d refused as expected", cases.size(), refused))
        .append("\n");
    String row = "  %-70s %6s %8s %12s %8s%n";
    out.append(String.format(row, "category", "cases", "refused", "not refused", "skipped"));
    for (Map.Entry<AttackCategory, int[]> e : counts.entrySet()) {
      int[] n = e.getValue();
      out.append(String.format(row, e.getKey().name() + " (" + e.getKey().label() + ")",
          n[0] + n[1] + n[2], n[0], n[1], n[2]));
    }
    for (Case c : cases) {
      if (c.outcome() != Outcome.REFUSED) {
        out.append("  ").append(c.outcome()).append(": ").append(c.name()).append(" — ").append(c.why()).append("\n");
      }
    }
    synchronized (NOTES) {
      NOTES.forEach(line -> out.append("  ").append(line).append("\n"));
    }
    return out.toString();
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
