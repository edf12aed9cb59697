package org.duban.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Numbered steps of a browser test. A step that fails leaves a screenshot and the page source in
 * {@code target/e2e-screenshots/<TestClass>/<nn>-<step>.png|.html}, and its failure is rethrown
 * naming the step and the file, so a red build says where and shows what the user saw.
 */
public final class Steps {

  /** A step's body: anything a test does, assertions included. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private final Browser browser;
  private final Path directory;
  private int number;

  /** Steps of {@code testClass}; screenshots of an earlier run of that class are removed. */
  public Steps(Browser browser, Class<?> testClass) {
    this(browser, Path.of("target", "e2e-screenshots", testClass.getSimpleName()));
  }

  Steps(Browser browser, Path directory) {
    this.browser = browser;
    this.directory = directory.toAbsolutePath();
    clear(this.directory);
  }

  public Path directory() {
    return directory;
  }

  public void step(String name, Action action) {
    number++;
    String file = String.format("%02d-%s", number, slug(name));
    long started = System.nanoTime();
    try {
      action.run();
      System.out.printf(
          "browser step %02d %s: %.1f s%n", number, name, (System.nanoTime() - started) / 1e9);
    } catch (Throwable failure) {
      Path png = directory.resolve(file + ".png");
      AssertionError rethrown;
      try {
        browser.saveEvidence(png);
        rethrown =
            new AssertionError(
                "Step "
                    + number
                    + " 「"
                    + name
                    + "」 failed: "
                    + failure
                    + "\n  screenshot: "
                    + png
                    + "\n  page source: "
                    + directory.resolve(file + ".html"),
                failure);
      } catch (Exception | Error evidenceFailed) {
        rethrown =
            new AssertionError(
                "Step "
                    + number
                    + " 「"
                    + name
                    + "」 failed: "
                    + failure
                    + "\n  (no screenshot: "
                    + evidenceFailed
                    + ")",
                failure);
        rethrown.addSuppressed(evidenceFailed);
      }
      throw rethrown;
    }
  }

  /**
   * Letters and digits of any script stay (the step names are Chinese); anything else becomes '-'.
   */
  static String slug(String name) {
    StringBuilder slug = new StringBuilder();
    name.codePoints().forEach(c -> slug.appendCodePoint(Character.isLetterOrDigit(c) ? c : '-'));
    return slug.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
  }

  private static void clear(Path directory) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files
          .sorted(Comparator.reverseOrder())
          .filter(p -> !p.equals(directory))
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
