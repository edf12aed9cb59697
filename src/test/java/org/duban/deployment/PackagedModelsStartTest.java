package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/**
 * With no model folder configured (no DUBAN_MODELS_DIR, DUBAN_PROCESSES_DIR or DUBAN_FORMS_DIR),
 * the app starts from any working directory and deploys the models packaged in the jar.
 */
@SpringBootTest(
    properties = {"duban.models.dir=", "duban.models.processes-dir=", "duban.models.forms-dir="})
@ActiveProfiles("test")
class PackagedModelsStartTest {

  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repositoryService;

  @Test
  void withNoFolderConfiguredThePackagedModelsAreDeployedAtStart() throws IOException {
    // no folder is configured
    assertThat(deployer.folders().processesDir()).isNull();
    assertThat(deployer.folders().formsDir()).isNull();
    assertThat(deployer.folders().describe())
        .contains("classpath:models/processes/", "classpath:models/forms/");

    // and every process and decision of the release was deployed at start, forms beside processes
    assertThat(ModelFolderCopy.latestVersions(repositoryService))
        .containsKeys(
            "taskBookIssuance",
            "departmentWork",
            "monthlyCheckIn",
            "weeklySupervision",
            "escalation",
            "changeRequest",
            "dmn:itemLight",
            "dmn:assessmentScore");
    String departmentWork =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("departmentWork")
            .latestVersion()
            .singleResult()
            .getDeploymentId();
    assertThat(repositoryService.getDeploymentResourceNames(departmentWork))
        .contains("processes/department-work.bpmn", "forms/claim-item.form");

    // the very bytes packaged in the jar
    DecisionDefinition itemLight =
        repositoryService
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("itemLight")
            .latestVersion()
            .singleResult();
    try (InputStream deployed = repositoryService.getDecisionModel(itemLight.getId());
        InputStream packaged =
            new ClassPathResource("models/processes/item-light.dmn").getInputStream()) {
      assertThat(deployed.readAllBytes()).isEqualTo(packaged.readAllBytes());
    }
    // and deploying again changes nothing
    assertThat(deployer.deployCurrent().changed()).isFalse();
  }
}
