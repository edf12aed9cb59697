package org.duban.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of {@code processes/} and {@code forms/}, keyed by the resource name they are deployed
 * under ({@code processes/department-work.bpmn}, {@code forms/claim-item.form}): relative names,
 * so that every node and every checkout deploys the same bundle.
 */
public record ModelBundle(Map<String, byte[]> resources) {

  static final String PROCESSES = "processes/";
  static final String FORMS = "forms/";

  public static ModelBundle read(ModelFolders folders) {
    Map<String, byte[]> resources = new TreeMap<>();
    readFolder(folders.processesDir(), PROCESSES, resources, ".bpmn", ".dmn");
    readFolder(folders.formsDir(), FORMS, resources, ".form");
    return new ModelBundle(resources);
  }

  private static void readFolder(Path folder, String prefix, Map<String, byte[]> into, String... suffixes) {
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
    resources.forEach((name, bytes) -> { if (name.startsWith(FORMS)) forms.put(name, bytes); });
    return forms;
  }
}
