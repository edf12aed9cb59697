package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A model that would fail at run time is refused at upload, not found by the next sweep: every
 * decision table entry is parsed and evaluated once by the engine, every BPMN expression compiled.
 * The running versions stay.
 */
@RunningAppTest
class ModelRunTimeFailureRefusalTest {

  @Autowired ModelUpload upload;
  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repositoryService;
  @Autowired TestHospital hospital;

  private Map<String, Integer> versionsBefore;
  private long deploymentsBefore;
  private long decisionDefinitionsBefore;

  @BeforeEach
  void realModelsRunning() {
    hospital.ensure();
    versionsBefore = ModelFolderCopy.latestVersions(repositoryService);
    deploymentsBefore = ModelFolderCopy.deployments(repositoryService);
    decisionDefinitionsBefore = repositoryService.createDecisionDefinitionQuery().count();
  }

  static String real(String resource) throws IOException {
    return Files.readString(Path.of(resource), StandardCharsets.UTF_8);
  }

  @Test
  void theRealModelsPassEveryRunTimeCheck() {
    assertThat(deployer.deployCurrent().problems()).isEmpty();
  }

  @Test
  void aDecisionEntryTheEngineCannotParseIsRefusedNamingFileRuleAndColumn() throws IOException {
    // Given item-light.dmn whose first rule's reported-progress entry is cut off: it deploys today,
    // and every evaluation of the table (each item of the next sweep) fails on it
    String dmn = real("processes/item-light.dmn");
    String broken = dmn.replaceFirst("<text>&lt; 100</text>", "<text>&lt; 100 and (</text>");
    assertThat(broken).isNotEqualTo(dmn);

    // When the admin uploads it
    ModelUpload.Outcome outcome =
        upload.upload(
            List.of(
                new ModelUpload.UploadedFile(
                    "item-light.dmn", broken.getBytes(StandardCharsets.UTF_8))));

    // Then it is refused, naming the file, the rule (number and id) and the column
    assertThat(outcome.isRejected()).isTrue();
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/item-light.dmn");
              assertThat(problem.element()).isEqualTo("ruleOverdue");
              assertThat(problem.message())
                  .contains("红黄绿灯规则", "第 1 条规则", "ruleOverdue", "填报进度(%)", "< 100 and (");
            });
    // and the running version stays
    assertUnchanged();
  }

  @Test
  void anOutputEntryThatCannotBeEvaluatedIsRefused() throws IOException {
    // Given the second rule's reason cut off in the middle of a string
    String dmn = real("processes/item-light.dmn");
    String broken = dmn.replace("<text>\"两次及以上未按时填报月度进展\"</text>", "<text>\"两次及以上未按时填报月度进展</text>");
    assertThat(broken).isNotEqualTo(dmn);

    ModelUpload.Outcome outcome =
        upload.upload(
            List.of(
                new ModelUpload.UploadedFile(
                    "item-light.dmn", broken.getBytes(StandardCharsets.UTF_8))));

    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.element()).isEqualTo("ruleMissed2");
              assertThat(problem.message()).contains("第 2 条规则", "原因");
            });
    assertUnchanged();
  }

  @Test
  void aConditionThatDoesNotCompileIsRefused() throws IOException {
    // Given the claim decision's condition broken
    String bpmn = real("processes/department-work.bpmn");
    String broken = bpmn.replace("${claimDecision == 'claim'}", "${a >}");
    assertThat(broken).isNotEqualTo(bpmn);

    ModelUpload.Outcome outcome =
        upload.upload(
            List.of(
                new ModelUpload.UploadedFile(
                    "department-work.bpmn", broken.getBytes(StandardCharsets.UTF_8))));

    assertThat(outcome.isRejected()).isTrue();
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/department-work.bpmn");
              assertThat(problem.message()).contains("conditionExpression", "${a >}", "无法编译");
            });
    assertUnchanged();
  }

  @Test
  void aTimerExpressionAndADelegateExpressionThatDoNotCompileAreRefused() throws IOException {
    // Given the weekly timer written as a broken expression, and a delegate expression cut off
    String bpmn = real("processes/weekly-supervision.bpmn");
    String broken =
        bpmn.replace("0 30 8 ? * MON", "${weeklyCycle(}")
            .replace("${finishSweepDelegate}", "${finishSweepDelegate");
    assertThat(broken).isNotEqualTo(bpmn);

    ModelUpload.Outcome outcome =
        upload.upload(
            List.of(
                new ModelUpload.UploadedFile(
                    "weekly-supervision.bpmn", broken.getBytes(StandardCharsets.UTF_8))));

    assertThat(outcome.problems())
        .extracting(ModelProblem::element)
        .containsExactlyInAnyOrder("weeklySupervisionTimer", "finishSweep");
    assertThat(outcome.problems())
        .extracting(ModelProblem::message)
        .anySatisfy(m -> assertThat(m).contains("timeCycle"))
        .anySatisfy(m -> assertThat(m).contains("delegateExpression"));
    assertUnchanged();
  }

  private void assertUnchanged() {
    assertThat(ModelFolderCopy.latestVersions(repositoryService)).isEqualTo(versionsBefore);
    assertThat(ModelFolderCopy.deployments(repositoryService)).isEqualTo(deploymentsBefore);
    assertThat(repositoryService.createDecisionDefinitionQuery().count())
        .isEqualTo(decisionDefinitionsBefore);
  }
}
