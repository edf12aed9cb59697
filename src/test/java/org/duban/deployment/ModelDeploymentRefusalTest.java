package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deploying the models: the app deployed the real {@code processes/} and {@code forms/} at start. A
 * copy of those folders with one thing broken is refused with a Chinese message naming the file and
 * the element, and the engine keeps running the previous version; the unchanged folders deploy
 * nothing new.
 */
@RunningAppTest
class ModelDeploymentRefusalTest {

  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repositoryService;
  @Autowired ModelValidator validator;
  @Autowired TestHospital hospital;

  @TempDir Path copy;
  private ModelFolders folders;
  private Map<String, Integer> versionsBefore;
  private long deploymentsBefore;

  @BeforeEach
  void copyTheRealFolders() throws IOException {
    folders = ModelFolderCopy.copyInto(copy);
    // the app's own deployment of the real folders is the one running
    assertThat(deployer.deployCurrent().changed())
        .as("real folders already deployed at start")
        .isFalse();
    versionsBefore = latestVersions();
    deploymentsBefore = deployments();
    assertThat(versionsBefore)
        .containsKeys(
            "taskBookIssuance",
            "departmentWork",
            "monthlyCheckIn",
            "weeklySupervision",
            "escalation",
            "dmn:itemLight");
  }

  @Test
  void theUnchangedFoldersDeployNothingNewTwice() {
    // When the copied, unchanged folders are deployed twice
    ModelDeployer.Result first = deployer.deploy(ModelBundle.read(folders));
    ModelDeployer.Result second = deployer.deploy(ModelBundle.read(folders));

    // Then neither is refused, neither makes a deployment, and the running versions stay
    assertThat(first.isRejected()).isFalse();
    assertThat(first.changed()).isFalse();
    assertThat(second.isRejected()).isFalse();
    assertThat(second.changed()).isFalse();
    assertPreviousVersionStays();
  }

  @Test
  void aFormWithAnUnsupportedComponentIsRefused() throws IOException {
    // Given the claim form with an iframe added, which Duban cannot render
    Path form = folders.formsDir().resolve("claim-item.form");
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(form.toFile());
    ((ArrayNode) root.get("components"))
        .addObject()
        .put("type", "iframe")
        .put("id", "Field_iframe01")
        .put("label", "外部页面")
        .put("url", "https://example.org");
    json.writeValue(form.toFile(), root);

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused with the form file, the component and a Chinese message
    assertThat(result.isRejected()).isTrue();
    assertThat(result.changed()).isFalse();
    assertThat(result.problems())
        .first()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("forms/claim-item.form");
              assertThat(problem.element()).isEqualTo("Field_iframe01");
              assertThat(problem.message())
                  .contains("claim-item", "Field_iframe01", "iframe", "暂不支持");
            });
    // and, the form being unusable, the task that uses it is named too; nothing else
    assertThat(result.problems())
        .extracting(ModelProblem::resource, ModelProblem::element)
        .containsExactly(
            tuple("forms/claim-item.form", "Field_iframe01"),
            tuple("processes/department-work.bpmn", "claimItem"));
    assertPreviousVersionStays();
  }

  @Test
  void aUserTaskWhoseFormIsNotInTheBundleIsRefused() throws IOException {
    // Given the claim task pointing at a form id that no file has
    replace(
        folders.processesDir().resolve("department-work.bpmn"),
        "camunda:formRef=\"claim-item\"",
        "camunda:formRef=\"claim-item-v2\"");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused, naming the process file, the user task and the missing form
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/department-work.bpmn");
              assertThat(problem.element()).isEqualTo("claimItem");
              assertThat(problem.message()).contains("claim-item-v2", "不在 forms 目录中");
            });
    assertPreviousVersionStays();
  }

  @Test
  void aDeletedFormFileIsRefusedAtEveryTaskThatUsesIt() throws IOException {
    // Given the sign-off form file removed
    Files.delete(folders.formsDir().resolve("sign-off.form"));

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then the user task that needs it is named
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/escalation.bpmn");
              assertThat(problem.element()).isEqualTo("signOffRectification");
              assertThat(problem.message()).contains("sign-off");
            });
    assertPreviousVersionStays();
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveIsRefused() throws IOException {
    // Given the escalation process without its history time to live
    replace(
        folders.processesDir().resolve("escalation.bpmn"),
        " camunda:historyTimeToLive=\"P3650D\"",
        "");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused, naming the file and the process, and saying what to fill in
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/escalation.bpmn");
              assertThat(problem.element()).isEqualTo("escalation");
              assertThat(problem.message()).contains("历史保留时间", "historyTimeToLive");
            });
    assertPreviousVersionStays();
  }

  @Test
  void aProcessFileThatIsNotWellFormedXmlIsRefused() throws IOException {
    // Given the monthly check-in process cut off in the middle
    Path file = folders.processesDir().resolve("monthly-check-in.bpmn");
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, xml.substring(0, xml.length() / 2), StandardCharsets.UTF_8);

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused, naming the file, in Chinese
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/monthly-check-in.bpmn");
              assertThat(problem.message())
                  .startsWith("BPMN 文件无法解析")
                  .containsPattern("第 \\d+ 行")
                  .contains("不是完整的 XML")
                  .contains("解析器原文");
              assertThat(problem.toString()).startsWith("processes/monthly-check-in.bpmn");
            });
    assertPreviousVersionStays();
  }

  @Test
  void aProcessTheEngineRefusesIsReportedWithFileAndElement() throws IOException {
    // Given a service task of the escalation process without an implementation, which only the
    // engine's parser checks
    replace(
        folders.processesDir().resolve("escalation.bpmn"),
        " camunda:delegateExpression=\"${closeEscalationDelegate}\"",
        "");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused like our own checks refuse, naming the file and the element
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .isNotEmpty()
        .allSatisfy(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/escalation.bpmn");
              assertThat(problem.element()).isEqualTo("closeEscalation");
              assertThat(problem.message()).startsWith("流程引擎拒绝部署");
            });
    assertPreviousVersionStays();
  }

  @Test
  void anExpressionTheEngineCannotParseIsReportedInsteadOfFailing() throws IOException {
    // Given a condition of the escalation process that is not a valid expression
    replace(
        folders.processesDir().resolve("escalation.bpmn"),
        "${triageDecision == 'dismiss'}",
        "${triageDecision == }");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused, compiled by the engine's expression manager before the engine sees it,
    // naming the condition and the parser's reason, instead of an exception that would stop the app
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/escalation.bpmn");
              assertThat(problem.message())
                  .contains("conditionExpression", "${triageDecision == }", "无法编译", "syntax error");
            });
    assertPreviousVersionStays();
  }

  @Test
  void aDelegateExpressionNamingNoBeanIsRefused() throws IOException {
    // Given a service task whose delegate bean name is misspelt, and a task listener naming no bean
    Path escalation = folders.processesDir().resolve("escalation.bpmn");
    replace(
        escalation,
        "camunda:delegateExpression=\"${closeEscalationDelegate}\"",
        "camunda:delegateExpression=\"${closeEscalationDelegat}\"");
    replace(
        escalation,
        "<bpmn:incoming>startAtTriage</bpmn:incoming>",
        "<bpmn:extensionElements><camunda:taskListener event=\"create\" delegateExpression=\"${noSuchListener}\" />"
            + "</bpmn:extensionElements><bpmn:incoming>startAtTriage</bpmn:incoming>");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused before the engine sees it, naming file, element and the missing bean
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .extracting(ModelProblem::resource, ModelProblem::element)
        .containsExactly(
            tuple("processes/escalation.bpmn", "triageEscalation"),
            tuple("processes/escalation.bpmn", "closeEscalation"));
    assertThat(result.problems().get(0).message())
        .contains("任务监听器", "${noSuchListener}", "Spring Bean");
    assertThat(result.problems().get(1).message())
        .contains("委托表达式", "“closeEscalationDelegat”", "没有这个名称的 Spring Bean");
    assertPreviousVersionStays();
  }

  @Test
  void aCandidateGroupThatIsNoRoleAndNoDepartmentIsRefused() throws IOException {
    // Given one task for a misspelt role group, and one for a real department's group (accepted)
    hospital.ensure();
    Path escalation = folders.processesDir().resolve("escalation.bpmn");
    replace(
        escalation,
        "id=\"triageEscalation\" name=\"研判\" camunda:formRef=\"triage\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"role_supervision\"",
        "id=\"triageEscalation\" name=\"研判\" camunda:formRef=\"triage\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"role_supervisor, camunda-admin\"");
    replace(
        escalation,
        "id=\"reviewRectificationPlan\" name=\"审核整改方案\" camunda:formRef=\"review-plan\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"role_supervision\"",
        "id=\"reviewRectificationPlan\" name=\"审核整改方案\" camunda:formRef=\"review-plan\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\""
            + hospital.department("tsupervision").groupId()
            + ",role_supervision\"");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then only the unknown group is named, with the groups that are allowed
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/escalation.bpmn");
              assertThat(problem.element()).isEqualTo("triageEscalation");
              assertThat(problem.message())
                  .contains("候选组“role_supervisor”", "既不是角色组，也不是部门组", "role_supervision", "dept_");
            });
    assertPreviousVersionStays();
  }

  @Test
  void aDecisionInputNamingAnUnknownVariableIsRefused() throws IOException {
    // Given the light rules reading a variable the sweep does not gather
    replace(
        folders.processesDir().resolve("item-light.dmn"),
        "<text>missedCheckIns</text>",
        "<text>missedCheckInCount</text>");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused, naming the file, the input, the variable and the variables there are
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/item-light.dmn");
              assertThat(problem.element()).isEqualTo("missedCheckInsInput");
              assertThat(problem.message())
                  .contains("未按时填报次数", "未知变量“missedCheckInCount”", "missedCheckIns", "规则");
            });
    assertPreviousVersionStays();
  }

  @Test
  void aDecisionInputTheCallingTaskMapsInIsKnown() throws IOException {
    // Given the light rules reading lateReports, which the business rule task that calls them maps
    // in
    replace(
        folders.processesDir().resolve("item-light.dmn"),
        "<text>missedCheckIns</text>",
        "<text>lateReports</text>");
    replace(
        folders.processesDir().resolve("weekly-supervision.bpmn"),
        "<camunda:outputParameter name=\"light\">",
        "<camunda:inputParameter name=\"lateReports\">${missedCheckIns}</camunda:inputParameter>"
            + "<camunda:outputParameter name=\"light\">");

    // Then the checks find nothing wrong
    assertThat(validator.problems(ModelBundle.read(folders))).isEmpty();
  }

  @Test
  void aDecisionInputWithATypeTheEngineDoesNotKnowIsRefused() throws IOException {
    // Given an input typed "int" (the engine knows integer)
    replace(
        folders.processesDir().resolve("item-light.dmn"),
        "<inputExpression id=\"missedCheckInsExpression\" typeRef=\"integer\">",
        "<inputExpression id=\"missedCheckInsExpression\" typeRef=\"int\">");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then it is refused, naming the input and the types there are
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/item-light.dmn");
              assertThat(problem.element()).isEqualTo("missedCheckInsInput");
              assertThat(problem.message()).contains("类型“int”", "integer");
            });
    assertPreviousVersionStays();
  }

  @Test
  void aTimerWhoseTextDoesNotParseIsRefused() throws IOException {
    // Given the weekly sweep's cron written with five fields (Unix style), and a reminder written
    // in words the calendars do not read (the engine would only fail when the timer is reached)
    replace(
        folders.processesDir().resolve("weekly-supervision.bpmn"),
        ">0 30 8 ? * MON<",
        ">30 8 * * MON<");
    replace(
        folders.processesDir().resolve("escalation.bpmn"),
        ">${workCalendar.workingDaysBefore(planDueDate, 2)}<",
        ">3 workdays<");

    // When the bundle is deployed
    ModelDeployer.Result result = deployer.deploy(ModelBundle.read(folders));

    // Then both are named with the writings that work
    assertThat(result.isRejected()).isTrue();
    assertThat(result.problems())
        .extracting(ModelProblem::resource, ModelProblem::element)
        .containsExactly(
            tuple("processes/escalation.bpmn", "planReminder"),
            tuple("processes/weekly-supervision.bpmn", "weeklySupervisionTimer"));
    assertThat(result.problems().get(0).message())
        .contains("定时器（timeDate）“3 workdays”无法解析", "5个工作日");
    assertThat(result.problems().get(1).message())
        .contains("定时器（timeCycle）“30 8 * * MON”无法解析", "0 30 8 ? * MON");
    assertPreviousVersionStays();
  }

  @Test
  void timersInEveryWritingDubanAcceptsPass() throws IOException {
    // Given the weekly sweep on a Quartz-style cron, a reminder after working days, another after
    // an ISO duration, and the monthly round on a repeating ISO cycle
    replace(
        folders.processesDir().resolve("weekly-supervision.bpmn"),
        ">0 30 8 ? * MON<",
        ">0 30 8 ? * MON-FRI<");
    replace(
        folders.processesDir().resolve("escalation.bpmn"),
        ">${workCalendar.workingDaysBefore(planDueDate, 2)}<",
        ">2个工作日<");
    replace(
        folders.processesDir().resolve("escalation.bpmn"),
        ">${workCalendar.workingDaysBefore(rectificationDue, 2)}<",
        ">2026-12-24T09:00:00<");

    // Then the checks find nothing wrong
    assertThat(validator.problems(ModelBundle.read(folders))).isEmpty();
  }

  private void assertPreviousVersionStays() {
    assertThat(deployments()).as("deployments of the model files").isEqualTo(deploymentsBefore);
    assertThat(latestVersions()).isEqualTo(versionsBefore);
  }

  private long deployments() {
    return ModelFolderCopy.deployments(repositoryService);
  }

  private Map<String, Integer> latestVersions() {
    return ModelFolderCopy.latestVersions(repositoryService);
  }

  private static void replace(Path file, String from, String to) throws IOException {
    ModelFolderCopy.replace(file, from, to);
  }
}
