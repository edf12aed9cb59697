package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.duban.RunningAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deployment skips unchanged resources: every process file is its own deployment with the forms it
 * names, so that a changed form gives a new version to the processes that use it and to no other.
 */
@RunningAppTest
class ModelDeploymentByFileTest {

  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repositoryService;

  @TempDir Path copy;
  private ModelFolders folders;

  @BeforeEach
  void copyTheRealFolders() throws IOException {
    folders = ModelFolderCopy.copyInto(copy);
  }

  @AfterEach
  void deployTheRealFoldersAgain() {
    // the engine's latest versions are the real files again, as every other test expects
    deployer.deployCurrent();
  }

  @Test
  void eachProcessIsItsOwnDeploymentWithTheFormsItNames() {
    // the app deployed the real folders at start
    Deployment departmentWork = latestDeployment("duban:department-work.bpmn");
    assertThat(repositoryService.getDeploymentResourceNames(departmentWork.getId()))
        .containsExactlyInAnyOrder(
            "processes/department-work.bpmn",
            "forms/claim-item.form",
            "forms/break-down-item.form",
            "forms/sub-task-report.form",
            "forms/completion-report.form",
            "forms/accept-item.form",
            "forms/resolve-dispute.form");
    assertThat(
            repositoryService.getDeploymentResourceNames(
                latestDeployment("duban:item-light.dmn").getId()))
        .containsExactly("processes/item-light.dmn");
    assertThat(
            repositoryService.getDeploymentResourceNames(
                latestDeployment("duban:weekly-supervision.bpmn").getId()))
        .containsExactly("processes/weekly-supervision.bpmn");
  }

  @Test
  void aChangedFormGivesANewVersionOnlyToTheProcessesUsingIt() throws IOException {
    // Given the claim form (used only by the department process) with a new label
    ModelFolderCopy.replace(folders.formsDir().resolve("claim-item.form"), "\"认领结果\"", "\"认领意见\"");
    Map<String, Integer> before = ModelFolderCopy.latestVersions(repositoryService);

    // When the folders are deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then only the department process got a new version
    assertThat(result.isRejected()).isFalse();
    assertThat(result.deployed())
        .extracting(ModelDeployer.Deployed::name)
        .containsExactly("duban:department-work.bpmn");
    assertThat(result.definitions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.key()).isEqualTo("departmentWork");
              assertThat(d.version()).isEqualTo(before.get("departmentWork") + 1);
            });
    Map<String, Integer> expected = new HashMap<>(before);
    expected.put("departmentWork", before.get("departmentWork") + 1);
    assertThat(ModelFolderCopy.latestVersions(repositoryService)).isEqualTo(expected);

    // and its new deployment holds the changed form, which its tasks find
    ProcessDefinition latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("departmentWork")
            .latestVersion()
            .singleResult();
    assertThat(resource(latest.getDeploymentId(), "forms/claim-item.form")).contains("认领意见");

    // and deploying the same folders again deploys nothing
    assertThat(deployer.deploy(ModelBundle.read(folders)).changed()).isFalse();
  }

  @Test
  void aChangedDecisionGivesANewVersionOnlyToTheDecision() throws IOException {
    // Given the light rules with a changed name
    ModelFolderCopy.replace(
        folders.processesDir().resolve("item-light.dmn"),
        "<decision id=\"itemLight\" name=\"红黄绿灯规则\"",
        "<decision id=\"itemLight\" name=\"红黄绿灯规则（新）\"");
    Map<String, Integer> before = ModelFolderCopy.latestVersions(repositoryService);

    // When the folders are deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then the decision alone has a new version
    assertThat(result.deployed())
        .extracting(ModelDeployer.Deployed::name)
        .containsExactly("duban:item-light.dmn");
    Map<String, Integer> expected = new HashMap<>(before);
    expected.put("dmn:itemLight", before.get("dmn:itemLight") + 1);
    assertThat(ModelFolderCopy.latestVersions(repositoryService)).isEqualTo(expected);
  }

  @Test
  void aBundleTheEngineRefusesInOneFileDeploysNothingOfTheOthers() throws IOException {
    // Given a valid change to the department process's form, and an escalation process the engine
    // refuses
    ModelFolderCopy.replace(folders.formsDir().resolve("claim-item.form"), "\"认领结果\"", "\"认领意见\"");
    ModelFolderCopy.replace(
        folders.processesDir().resolve("escalation.bpmn"),
        " camunda:delegateExpression=\"${closeEscalationDelegate}\"",
        "");
    Map<String, Integer> before = ModelFolderCopy.latestVersions(repositoryService);
    long deploymentsBefore = ModelFolderCopy.deployments(repositoryService);

    // When the folders are deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused, and the department process, deployed before the escalation, is rolled
    // back too
    assertThat(result.isRejected()).isTrue();
    assertThat(result.changed()).isFalse();
    assertThat(ModelFolderCopy.latestVersions(repositoryService)).isEqualTo(before);
    assertThat(ModelFolderCopy.deployments(repositoryService)).isEqualTo(deploymentsBefore);
  }

  @Test
  void aProcessDefinedInTwoFilesIsRefused() throws IOException {
    // Given the department process saved under a second name, as Modeler's "Save as" leaves it
    Files.copy(
        folders.processesDir().resolve("department-work.bpmn"),
        folders.processesDir().resolve("department-work-copy.bpmn"));
    Map<String, Integer> before = ModelFolderCopy.latestVersions(repositoryService);

    // When the folders are deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused, naming both files and the process id, and nothing is deployed
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/department-work.bpmn");
              assertThat(problem.element()).isEqualTo("departmentWork");
              assertThat(problem.message())
                  .contains("departmentWork", "processes/department-work-copy.bpmn", "只能放在一个文件中");
            });
    assertThat(ModelFolderCopy.latestVersions(repositoryService)).isEqualTo(before);
  }

  private Deployment latestDeployment(String name) {
    return repositoryService
        .createDeploymentQuery()
        .deploymentName(name)
        .orderByDeploymentTime()
        .desc()
        .listPage(0, 1)
        .get(0);
  }

  private String resource(String deploymentId, String name) throws IOException {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
