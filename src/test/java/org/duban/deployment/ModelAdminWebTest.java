package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.duban.WebTestSupport;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditLog;
import org.duban.audit.AuditSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /admin/models: the processes and decisions with their versions and running instances, the XML of
 * each version, upload of model files (kept in the database), redeploy from (a copy of) the
 * folders, and retry of an incident; admins only.
 */
class ModelAdminWebTest extends WebTestSupport {

  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired AuditLog auditLog;
  @Autowired ModelStore store;

  @TempDir Path copy;
  private ModelFolders folders;
  private ModelFolders realFolders;
  private String testDeployment;

  @BeforeEach
  void useACopyOfTheFolders() throws IOException {
    hospital.ensure();
    folders = ModelFolderCopy.copyInto(copy);
    realFolders = deployer.useFolders(folders);
  }

  @AfterEach
  void restore() {
    deployer.useFolders(realFolders);
    // the engine's latest versions are the real files again, as every other test expects
    store.clear();
    deployer.deployCurrent();
    if (testDeployment != null) {
      repositoryService.deleteDeployment(testDeployment, true);
    }
  }

  String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theListShowsTheRealProcessesAndDecisionsWithRunningInstancesPerVersion() throws Exception {
    // Given a small process of this test with two instances waiting
    deploy(
        Bpmn.createExecutableProcess("modelsListWait")
            .name("列表测试流程")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("wait")
            .name("等待")
            .camundaAssignee("nobody")
            .endEvent()
            .done());
    runtimeService.startProcessInstanceByKey("modelsListWait");
    runtimeService.startProcessInstanceByKey("modelsListWait");

    // When the admin opens the page
    String page = html(get("/admin/models").with(as("tadmin")));

    // Then the real processes and the decision are listed with their latest version and links
    for (String key :
        List.of(
            "taskBookIssuance",
            "departmentWork",
            "monthlyCheckIn",
            "weeklySupervision",
            "escalation",
            "itemLight")) {
      assertThat(page).contains("data-key=\"" + key + "\"", "href=\"/admin/models/" + key + "\"");
    }
    ProcessDefinition departmentWork = latest("departmentWork");
    assertThat(row(page, "departmentWork"))
        .contains(
            "科室落实工作任务",
            "v" + departmentWork.getVersion(),
            "href=\"/admin/models/departmentWork/migrate\"");
    assertThat(row(page, "itemLight")).contains("红黄绿灯规则", "/admin/models/itemLight/versions/");
    // and the test process with its two running instances on v1
    assertThat(row(page, "modelsListWait")).contains("列表测试流程", "v1：2");

    // in English too
    assertThat(html(get("/admin/models").param("lang", "en").with(as("tadmin"))))
        .contains("Processes and forms", "Running instances", "Upload model files");

    // and its page shows the version, the instances, and where they wait
    String detail = html(get("/admin/models/modelsListWait").with(as("tadmin")));
    assertThat(detail)
        .contains(
            "列表测试流程",
            "data-xml-url=\"/admin/models/modelsListWait/versions/1/xml\"",
            "bpmn-viewer.production.min.js",
            "data-activity=\"wait\"",
            "data-instances=\"2\"",
            "等待",
            "href=\"/admin/models/modelsListWait/versions/1/xml\"");
  }

  @Test
  void theXmlEndpointReturnsTheXmlTheEngineStored() throws Exception {
    ProcessDefinition departmentWork = latest("departmentWork");
    byte[] stored;
    try (InputStream in = repositoryService.getProcessModel(departmentWork.getId())) {
      stored = in.readAllBytes();
    }

    mvc.perform(
            get("/admin/models/departmentWork/versions/" + departmentWork.getVersion() + "/xml")
                .with(as("tadmin")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
        .andExpect(content().bytes(stored));
    String dmn =
        mvc.perform(
                get("/admin/models/itemLight/versions/"
                        + repositoryService
                            .createDecisionDefinitionQuery()
                            .decisionDefinitionKey("itemLight")
                            .latestVersion()
                            .singleResult()
                            .getVersion()
                        + "/xml")
                    .with(as("tadmin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(dmn).contains("<decision id=\"itemLight\"");
    mvc.perform(get("/admin/models/departmentWork/versions/9999/xml").with(as("tadmin")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/admin/models/noSuchProcess").with(as("tadmin")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aValidChangedFormIsStoredInTheDatabaseAndDeployedAsANewVersion() throws Exception {
    // Given the claim form with a new label
    Path claimForm = folders.formsDir().resolve("claim-item.form");
    String changed =
        Files.readString(claimForm, StandardCharsets.UTF_8).replace("\"认领结果\"", "\"认领意见\"");
    int before = latest("departmentWork").getVersion();
    int escalationBefore = latest("escalation").getVersion();

    // When the admin uploads it
    var session =
        mvc.perform(
                multipart("/admin/models/upload")
                    .file(file("claim-item.form", changed))
                    .with(as("tadmin"))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/admin/models"))
            .andReturn()
            .getResponse()
            .getCookie("JSESSIONID");

    // Then the uploaded file is kept in the database, for every node; the folder, the starting set
    // of a new installation, is not written
    assertThat(store.contents()).containsOnlyKeys("forms/claim-item.form");
    assertThat(new String(store.contents().get("forms/claim-item.form"), StandardCharsets.UTF_8))
        .isEqualTo(changed);
    assertThat(store.list())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.origin()).isEqualTo("upload");
              assertThat(f.storedBy()).isEqualTo("tadmin");
            });
    assertThat(Files.readString(claimForm, StandardCharsets.UTF_8)).doesNotContain("认领意见");
    // and the department process, which uses it, has a new version with the form; no other process
    // has
    ProcessDefinition latest = latest("departmentWork");
    assertThat(latest.getVersion()).isEqualTo(before + 1);
    assertThat(latest("escalation").getVersion()).isEqualTo(escalationBefore);
    try (InputStream in =
        repositoryService.getResourceAsStream(latest.getDeploymentId(), "forms/claim-item.form")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("认领意见");
    }
    // and the admin reads what got a new version
    // the redirect's page, in the session that carries the flash attributes (in the database)
    String page = html(get("/admin/models").with(as("tadmin")).cookie(session));
    assertThat(page).contains("已上传并部署：claim-item.form", "科室落实工作任务（departmentWork）v" + (before + 1));
    // and the upload is in the audit log with the file name
    assertThat(events("model.upload"))
        .first()
        .satisfies(
            e -> {
              assertThat(e.getActor()).isEqualTo("tadmin");
              assertThat(e.getSubjectId()).isEqualTo("claim-item.form");
              assertThat(e.getAfter()).contains("departmentWork v" + (before + 1));
            });
  }

  @Test
  void aBrokenFileChangesNothingAndThePageNamesTheProblem() throws Exception {
    // Given the monthly check-in process cut off in the middle
    Path process = folders.processesDir().resolve("monthly-check-in.bpmn");
    String original = Files.readString(process, StandardCharsets.UTF_8);
    Map<String, Integer> versions = ModelFolderCopy.latestVersions(repositoryService);
    long deployments = ModelFolderCopy.deployments(repositoryService);

    // When the admin uploads it
    String page =
        html(
            multipart("/admin/models/upload")
                .file(file("monthly-check-in.bpmn", original.substring(0, original.length() / 2)))
                .with(as("tadmin"))
                .with(csrf()));

    // Then the page lists the problem with the file and the message
    assertThat(page).contains("未部署", "processes/monthly-check-in.bpmn", "BPMN 文件无法解析");
    // and nothing was stored, written or deployed
    assertThat(store.contents()).isEmpty();
    assertThat(Files.readString(process, StandardCharsets.UTF_8)).isEqualTo(original);
    try (var files = Files.list(folders.processesDir())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".tmp"));
    }
    assertThat(ModelFolderCopy.latestVersions(repositoryService)).isEqualTo(versions);
    assertThat(ModelFolderCopy.deployments(repositoryService)).isEqualTo(deployments);
    assertThat(events("model.refused"))
        .first()
        .satisfies(
            e -> {
              assertThat(e.getSubjectId()).isEqualTo("monthly-check-in.bpmn");
              assertThat(e.getAfter()).contains("BPMN 文件无法解析");
            });
  }

  @Test
  void aFormThatBreaksAProcessOfTheFoldersIsRefusedWithTheTaskNamed() throws Exception {
    // Given a sign-off form whose id no longer matches what the escalation process asks for
    Path signOff = folders.formsDir().resolve("sign-off.form");
    String original = Files.readString(signOff, StandardCharsets.UTF_8);

    // When the admin uploads it
    String page =
        html(
            multipart("/admin/models/upload")
                .file(
                    file(
                        "sign-off.form",
                        original.replace("\"id\": \"sign-off\"", "\"id\": \"sign-off-2\"")))
                .with(as("tadmin"))
                .with(csrf()));

    // Then the problem is found in the bundle as it would be: the escalation's task has no form
    assertThat(page).contains("processes/escalation.bpmn", "signOffRectification", "sign-off");
    assertThat(Files.readString(signOff, StandardCharsets.UTF_8)).isEqualTo(original);
  }

  @Test
  void fileNamesWithPathsWrongKindsAndEmptyFilesAreRefused() throws Exception {
    long deployments = ModelFolderCopy.deployments(repositoryService);
    String page =
        html(
            multipart("/admin/models/upload")
                .file(file("../escape.bpmn", "<x/>"))
                .file(file("notes.txt", "hello"))
                .file(file("empty.form", ""))
                .with(as("tadmin"))
                .with(csrf()));
    assertThat(page)
        .contains(
            "../escape.bpmn",
            "文件名不能包含路径",
            "notes.txt",
            "只能上传 .bpmn、.dmn 或 .form 文件",
            "empty.form",
            "文件是空的");
    assertThat(copy.resolve("escape.bpmn")).doesNotExist();
    assertThat(folders.processesDir().resolve("notes.txt")).doesNotExist();
    assertThat(ModelFolderCopy.deployments(repositoryService)).isEqualTo(deployments);

    byte[] large = new byte[ModelUpload.MAX_FILE_BYTES + 1];
    page =
        html(
            multipart("/admin/models/upload")
                .file(new MockMultipartFile("files", "big.form", "application/json", large))
                .with(as("tadmin"))
                .with(csrf()));
    assertThat(page).contains("big.form", "文件过大");
  }

  @Test
  void redeployFromTheFoldersDeploysWhatChangedOnDisk() throws Exception {
    // Given the admin changed the escalation process in Modeler
    ModelFolderCopy.replace(
        folders.processesDir().resolve("escalation.bpmn"), "name=\"督办整改\"", "name=\"督办整改（新）\"");
    int before = latest("escalation").getVersion();
    int departmentWork = latest("departmentWork").getVersion();

    // When the admin presses redeploy
    mvc.perform(post("/admin/models/redeploy").with(as("tadmin")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/models"));

    // Then the escalation process alone has a new version, and the deploy is audited
    assertThat(latest("escalation").getVersion()).isEqualTo(before + 1);
    assertThat(latest("escalation").getName()).isEqualTo("督办整改（新）");
    assertThat(latest("departmentWork").getVersion()).isEqualTo(departmentWork);
    assertThat(events("model.deploy"))
        .first()
        .satisfies(
            e ->
                assertThat(e.getAfter())
                    .contains("duban:escalation.bpmn", "escalation v" + (before + 1)));
    // and the changed file is kept in the database, so that every node deploys it
    assertThat(store.contents()).containsOnlyKeys("processes/escalation.bpmn");
    assertThat(store.list())
        .singleElement()
        .extracting(ModelStore.StoredFile::origin)
        .isEqualTo("folder");

    // and a broken folder is refused with the problem on the page
    ModelFolderCopy.replace(
        folders.processesDir().resolve("escalation.bpmn"),
        " camunda:historyTimeToLive=\"P3650D\"",
        "");
    String page = html(post("/admin/models/redeploy").with(as("tadmin")).with(csrf()));
    assertThat(page).contains("processes/escalation.bpmn", "historyTimeToLive");
    assertThat(latest("escalation").getVersion()).isEqualTo(before + 1);
    assertThat(
            new String(store.contents().get("processes/escalation.bpmn"), StandardCharsets.UTF_8))
        .contains("camunda:historyTimeToLive");
  }

  @Test
  void retryGivesAFailedJobAnotherAttemptAndClearsItsIncident() throws Exception {
    // Given a process whose asynchronous service task fails until the variable "fixed" is set
    deploy(
        Bpmn.createExecutableProcess("modelsFailing")
            .name("故障测试流程")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("failingStep")
            .name("会失败的环节")
            .camundaAsyncBefore()
            .camundaExpression("${fixed.toString()}")
            .endEvent()
            .done());
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("modelsFailing");
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the job fails and loses one retry
      }
    }
    Incident incident =
        runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).isNotNull();

    // Then the page lists it with process, activity, message and a retry button
    String page = html(get("/admin/models").with(as("tadmin")));
    assertThat(page)
        .contains(
            "data-incident=\"" + incident.getId() + "\"",
            "故障测试流程 v1",
            "会失败的环节",
            "fixed",
            "/admin/models/incidents/" + incident.getId() + "/retry",
            "href=\"/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "\"");
    assertThat(row(page, "modelsFailing")).contains("has-incidents");

    // When the admin retries it
    mvc.perform(
            post("/admin/models/incidents/" + incident.getId() + "/retry")
                .with(as("tadmin"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    // Then the incident is resolved, the job has one retry, and the retry is audited
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries())
        .isEqualTo(1);
    assertThat(events("incident.retry"))
        .first()
        .satisfies(
            e -> {
              assertThat(e.getSubjectId()).isEqualTo(incident.getId());
              assertThat(e.getBefore()).contains("failingStep");
            });
    assertThat(html(get("/admin/models").with(as("tadmin"))))
        .doesNotContain("data-incident=\"" + incident.getId() + "\"");

    // and, the cause removed, the job runs and the instance ends
    runtimeService.setVariable(instance.getId(), "fixed", "yes");
    managementService.executeJob(job.getId());
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();

    // and a second retry of the same incident is refused politely
    mvc.perform(
            post("/admin/models/incidents/" + incident.getId() + "/retry")
                .with(as("tadmin"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void aNonAdminIsForbidden() throws Exception {
    mvc.perform(get("/admin/models").with(as("tmedhead"))).andExpect(status().isForbidden());
    mvc.perform(get("/admin/models/departmentWork").with(as("tmedhead")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/models/departmentWork/versions/1/xml").with(as("tmedhead")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/models/redeploy").with(as("tmedhead")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart("/admin/models/upload")
                .file(file("claim-item.form", "{}"))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/models/incidents/1/retry").with(as("tmedhead")).with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void theAdminHubLinksThePage() throws Exception {
    assertThat(html(get("/admin").with(as("tadmin")))).contains("href=\"/admin/models\"", "流程与表单");
  }

  private void deploy(BpmnModelInstance model) {
    testDeployment =
        repositoryService
            .createDeployment()
            .name("models-web-test")
            .addModelInstance("models-web-test.bpmn", model)
            .deploy()
            .getId();
  }

  private ProcessDefinition latest(String key) {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  private List<AuditEvent> events(String action) {
    return auditLog
        .search(new AuditSearch(null, action, null, null, null, null, null), 0, 10)
        .getContent();
  }

  /** The table row of that key on the list page. */
  private static String row(String page, String key) {
    int start = page.indexOf("data-key=\"" + key + "\"");
    assertThat(start).as("row of %s", key).isNotNegative();
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private static MockMultipartFile file(String name, String content) {
    return new MockMultipartFile(
        "files", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
  }
}
