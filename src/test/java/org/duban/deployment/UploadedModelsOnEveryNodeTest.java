package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An admin's upload on one node is seen by every node, with no shared file system: the uploaded
 * file is kept in the database, and another node's deployer (its own folders, older ones, or none:
 * the packaged models) deploys it in place of its own file of that name, never its own over it.
 */
@RunningAppTest
class UploadedModelsOnEveryNodeTest {

  static final String REASON = "\"两次及以上未按时填报月度进展\"";
  static final String UPLOADED_REASON = "\"两次及以上未按时填报月度进展（管理员修订）\"";

  @Autowired ModelUpload upload;
  @Autowired ModelDeployer deployer;
  @Autowired ModelStore store;
  @Autowired ModelValidator validator;
  @Autowired RepositoryService repositoryService;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MessageSource messages;
  @Autowired TestHospital hospital;

  @TempDir Path otherNodesFolder;
  private String uploaded;

  @BeforeEach
  void anAdminUploadsAChangedDecisionOnThisNode() throws IOException {
    hospital.ensure();
    String real = Files.readString(Path.of("processes/item-light.dmn"), StandardCharsets.UTF_8);
    uploaded = real.replace(REASON, UPLOADED_REASON);
    assertThat(uploaded).isNotEqualTo(real);
    ModelUpload.Outcome outcome =
        upload.upload(
            List.of(
                new ModelUpload.UploadedFile(
                    "item-light.dmn", uploaded.getBytes(StandardCharsets.UTF_8))));
    assertThat(outcome.problems()).isEmpty();
    assertThat(latestItemLight()).contains("管理员修订");
  }

  @AfterEach
  void theRealModelsAgain() {
    store.clear();
    deployer.deployCurrent();
  }

  /** Another node of the same database, reading its starting set from {@code folders}. */
  private ModelDeployer otherNode(ModelFolders folders) {
    return new ModelDeployer(
        repositoryService, store, folders, validator, transactionManager, messages);
  }

  @Test
  void aNodeStartingWithTheReleasesFilesDeploysNothingOverTheUpload() throws IOException {
    int version = itemLight().getVersion();

    // When another node starts with its own copy of the release's folders, the older file among
    // them
    otherNode(ModelFolderCopy.copyInto(otherNodesFolder)).run(null);

    // Then it deployed nothing: the uploaded decision is still the one that runs
    assertThat(itemLight().getVersion()).isEqualTo(version);
    assertThat(latestItemLight()).contains("管理员修订");
  }

  @Test
  void aNodeWithoutFoldersDeploysTheUploadInPlaceOfItsPackagedFile() {
    // Given the engine's latest decision put back to the release's file, as a node of today's
    // release, deploying its folders at start, would have done
    assertThat(deployer.deploy(ModelBundle.read(deployer.folders())).changed()).isTrue();
    assertThat(latestItemLight()).doesNotContain("管理员修订");

    // When a node with no folder configured (the models packaged in the jar) starts
    ModelDeployer packagedNode = otherNode(ModelFolders.packaged());
    packagedNode.run(null);

    // Then it sees the upload in the database and deploys it
    assertThat(
            new String(
                packagedNode.current().resources().get("processes/item-light.dmn"),
                StandardCharsets.UTF_8))
        .isEqualTo(uploaded);
    assertThat(latestItemLight()).contains("管理员修订");
    // and its other files are the packaged ones, the same as the release's: nothing else is new
    assertThat(packagedNode.deployCurrent().changed()).isFalse();
  }

  @Test
  void redeployOnANodeWithoutFoldersPutsThePackagedFileBackOnEveryNode() {
    // Given this node reads the packaged models (no folder configured)
    ModelFolders folders = deployer.useFolders(ModelFolders.packaged());
    try {
      // When the admin presses 从目录重新部署
      ModelUpload.Outcome outcome = upload.redeployFolders();

      // Then the packaged decision runs again, and the upload is no longer kept for the other nodes
      assertThat(outcome.problems()).isEmpty();
      assertThat(latestItemLight()).doesNotContain("管理员修订");
      assertThat(store.contents()).doesNotContainKey("processes/item-light.dmn");
    } finally {
      deployer.useFolders(folders);
    }
  }

  private DecisionDefinition itemLight() {
    return repositoryService
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey("itemLight")
        .latestVersion()
        .singleResult();
  }

  private String latestItemLight() {
    try (InputStream in = repositoryService.getDecisionModel(itemLight().getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
