package org.duban.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of {@code processes/} and {@code forms/}, keyed by the resource name they are deployed
 * under ({@code processes/department-work.bpmn}, {@code forms/claim-item.form}): relative names, so
 * that every node and every checkout deploys the same bundle. Read from the configured folders, or
 * from the copy packaged in the jar ({@code classpath:models/processes/}, {@code models/forms/})
 * for a folder that is not configured.
 */
public record ModelBundle(Map<String, byte[]> resources) {

  static final String PROCESSES = "processes/";
  static final String FORMS = "forms/";

  /**
   * Where the build packages {@code processes/} and {@code forms/} on the class path (see pom.xml).
   */
  static final String PACKAGED = "models/";

  public static ModelBundle read(ModelFolders folders) {
    Map<String, byte[]> resources = new TreeMap<>();
    if (folders.processesDir() == null) {
      readPackaged(PROCESSES, resources, ".bpmn", ".dmn");
    } else {
      readFolder(folders.processesDir(), PROCESSES, resources, ".bpmn", ".dmn");
    }
    if (folders.formsDir() == null) {
      readPackaged(FORMS, resources, ".form");
    } else {
      readFolder(folders.formsDir(), FORMS, resources, ".form");
    }
    return new ModelBundle(resources);
  }

  /** This bundle with {@code others} in place of its files of the same names, and theirs added. */
  public ModelBundle with(Map<String, byte[]> others) {
    Map<String, byte[]> merged = new TreeMap<>(resources);
    merged.putAll(others);
    return new ModelBundle(merged);
  }

  private static void readPackaged(String prefix, Map<String, byte[]> into, String... suffixes) {
    int before = into.size();
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver(ModelBundle.class.getClassLoader())
              .getResources("classpath*:" + PACKAGED + prefix + "*");
      for (Resource resource : found) {
        String name = resource.getFilename();
        for (String suffix : suffixes) {
          if (name != null && name.endsWith(suffix) && !name.startsWith(".")) {
            try (var in = resource.getInputStream()) {
              into.put(prefix + name, in.readAllBytes());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (into.size() == before) {
      throw new IllegalStateException(
          "No models packaged under classpath:"
              + PACKAGED
              + prefix
              + " and no folder configured (duban.models.dir, DUBAN_MODELS_DIR)");
    }
  }

  private static void readFolder(
      Path folder, String prefix, Map<String, byte[]> into, String... suffixes) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("Model folder not found: " + folder.toAbsolutePath());
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        for (String suffix : suffixes) {
          if (name.endsWith(suffix)) {
            into.put(prefix + name, Files.readAllBytes(file));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Map<String, byte[]> forms() {
    Map<String, byte[]> forms = new TreeMap<>();
    resources.forEach(
        (name, bytes) -> {
          if (name.startsWith(FORMS)) forms.put(name, bytes);
        });
    return forms;
  }
}
