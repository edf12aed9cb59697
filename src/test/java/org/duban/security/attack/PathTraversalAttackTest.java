package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.deployment.ModelDeployer;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * File names that climb out of a folder or name an absolute path: evidence files and Excel uploads
 * keep a name without separators or control characters (they live in the database, and the download
 * names them back percent-encoded); model files, the one upload written to disk, are refused and
 * nothing is written anywhere.
 */
@Attack(AttackCategory.PATH_TRAVERSAL)
class PathTraversalAttackTest extends AttackTestSupport {

  @Autowired AttackScenes scenes;
  @Autowired ModelDeployer deployer;

  @ParameterizedTest(name = "evidence file named {0}")
  @ValueSource(
      strings = {
        "../../etc/passwd.pdf",
        "..\\..\\windows\\win.ini.txt",
        "/etc/passwd.txt",
        "C:\\Windows\\system.ini.txt",
        "..%2F..%2Fetc%2Fpasswd.pdf",
        "evil.exe\u0000.pdf"
      })
  void anEvidenceFileNameIsKeptWithoutPathOrControlCharacters(String name) throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("路径穿越佐证");
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", noticed.rectification().getId())
                .file(new MockMultipartFile("file", name, "application/pdf", "%PDF-1.4".getBytes()))
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    List<String> stored =
        jdbc.queryForList(
            "select file_name from rectification_attachment where rectification_id = ?",
            String.class,
            noticed.rectification().getId());
    assertThat(stored).hasSize(1);
    String kept = stored.get(0);
    assertThat(kept).doesNotContain("/").doesNotContain("\\").doesNotContainPattern("\\p{Cntrl}");
    Long file =
        jdbc.queryForObject(
            "select id from rectification_attachment where rectification_id = ?",
            Long.class,
            noticed.rectification().getId());
    MvcResult download =
        mvc.perform(get("/supervision/files/{id}", file).with(as("tducha")))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(download.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment; filename*=UTF-8''")
        .doesNotContain("/")
        .doesNotContain("\\")
        .doesNotContain("\"");
  }

  @Test
  void anExcelUploadNamedWithAPathKeepsOnlyItsLastPart() throws Exception {
    AttackScenes.Draft draft = scenes.draft("路径穿越导入");
    byte[] xlsx = table();
    MvcResult upload =
        mvc.perform(
                multipart("/books/{id}/import", draft.bookId())
                    .file(
                        new MockMultipartFile(
                            "file",
                            "../../../etc/cron.d/分解表.xlsx",
                            "application/octet-stream",
                            xlsx))
                    .with(as("tleader"))
                    .with(csrf()))
            .andReturn();
    assertThat(upload.getResponse().getStatus()).isEqualTo(302);
    assertThat(
            jdbc.queryForObject(
                "select file_name from decomposition_upload where task_book_id = ?",
                String.class,
                draft.bookId()))
        .isEqualTo("分解表.xlsx");
  }

  /**
   * A process that deploys when its name is plain (see the positive control below): refused names
   * are refused for the name, not for the model.
   */
  static final String DEPLOYABLE_BPMN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
          + " id=\"attackEscapeDefinitions\" targetNamespace=\"http://duban.org/attack\">"
          + "<process id=\"attackEscape\" name=\"路径穿越测试流程\" isExecutable=\"true\" camunda:historyTimeToLive=\"P3650D\">"
          + "<startEvent id=\"started\" name=\"开始\"/><sequenceFlow id=\"flow\" sourceRef=\"started\" targetRef=\"ended\"/>"
          + "<endEvent id=\"ended\" name=\"结束\"/></process></definitions>";

  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  @ParameterizedTest(name = "model file named {0}")
  @ValueSource(
      strings = {
        "../../attack-escape.bpmn",
        "..\\attack-escape.bpmn",
        "/tmp/attack-escape.bpmn",
        "..bpmn",
        "../forms/attack-escape.bpmn"
      })
  void aModelFileNamedWithAPathIsRefusedAndNothingIsWritten(String name) throws Exception {
    DatabaseState before = databaseState();
    MvcResult result =
        mvc.perform(
                multipart("/admin/models/upload")
                    .file(
                        new MockMultipartFile(
                            "files",
                            name,
                            "application/octet-stream",
                            DEPLOYABLE_BPMN.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .with(as("tadmin"))
                    .with(csrf()))
            .andReturn();
    // refused on the page, for its name
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("未部署");
    for (Path folder : List.of(deployer.folders().processesDir(), deployer.folders().formsDir())) {
      Path escaped = folder.resolve(name.replace('\\', '/')).normalize();
      assertThat(Files.exists(escaped)).as("%s", escaped).isFalse();
    }
    assertThat(Files.exists(Path.of("/tmp/attack-escape.bpmn"))).isFalse();
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("attackEscape")
                .count())
        .isZero();
    assertNothingChangedSince(before);
  }

  /** Positive control: the same model under a plain name is stored for every node and deployed. */
  @Test
  void theSameModelUnderAPlainNameDeploys() throws Exception {
    try {
      mvc.perform(
              multipart("/admin/models/upload")
                  .file(
                      new MockMultipartFile(
                          "files",
                          "attack-escape.bpmn",
                          "application/octet-stream",
                          DEPLOYABLE_BPMN.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                  .with(as("tadmin"))
                  .with(csrf()))
          .andExpect(status().is3xxRedirection());
      assertThat(jdbc.queryForList("select resource from model_file", String.class))
          .contains("processes/attack-escape.bpmn");
      assertThat(
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("attackEscape")
                  .count())
          .isOne();
    } finally {
      jdbc.update("delete from model_file where resource = 'processes/attack-escape.bpmn'");
      for (var definition :
          repositoryService
              .createProcessDefinitionQuery()
              .processDefinitionKey("attackEscape")
              .list()) {
        repositoryService.deleteDeployment(definition.getDeploymentId(), true);
      }
      deployer.deployCurrent();
    }
  }

  private static byte[] table() throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("分解表");
      String[] header = {"序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "完成时限"};
      String[] values = {
        "2",
        "医疗服务",
        "穿越事项",
        "目标",
        "测试医务部",
        "",
        "测试分管院长",
        EngineClock.today().plusDays(100).toString()
      };
      Row head = sheet.createRow(0);
      Row data = sheet.createRow(1);
      for (int i = 0; i < header.length; i++) {
        head.createCell(i).setCellValue(header[i]);
        data.createCell(i).setCellValue(values[i]);
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
