package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * A copy of the real {@code processes/} and {@code forms/} in a temporary folder, for tests that
 * change models without touching the real ones.
 */
public final class ModelFolderCopy {

  private ModelFolderCopy() {}

  /** Copies the real folders into {@code dir} and answers where the copies are. */
  public static ModelFolders copyInto(Path dir) throws IOException {
    ModelFolders folders = new ModelFolders(dir.resolve("processes"), dir.resolve("forms"));
    copyFolder(Path.of("processes"), folders.processesDir());
    copyFolder(Path.of("forms"), folders.formsDir());
    return folders;
  }

  /**
   * Points the deployer at these folders, for a test outside this package; answers the previous
   * ones.
   */
  public static ModelFolders use(ModelDeployer deployer, ModelFolders folders) {
    return deployer.useFolders(folders);
  }

  public static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).as("%s contains %s", file.getFileName(), from).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  /** Latest version of every process and decision, by key (decisions as {@code dmn:<key>}). */
  public static Map<String, Integer> latestVersions(RepositoryService repositoryService) {
    Map<String, Integer> versions = new TreeMap<>();
    for (ProcessDefinition p :
        repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      versions.put(p.getKey(), p.getVersion());
    }
    for (DecisionDefinition d :
        repositoryService.createDecisionDefinitionQuery().latestVersion().list()) {
      versions.put("dmn:" + d.getKey(), d.getVersion());
    }
    return versions;
  }

  /** Every deployment the app made of the model files. */
  public static long deployments(RepositoryService repositoryService) {
    return repositoryService
        .createDeploymentQuery()
        .deploymentNameLike(ModelDeployer.NAME_PREFIX + "%")
        .count();
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
