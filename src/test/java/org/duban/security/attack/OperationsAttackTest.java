package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.light.NoSweepRunning;
import org.duban.light.WeeklySupervisionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Operations an admin or the supervision office can misuse: a second sweep while one runs, and
 * model files that would deploy but fail at run time. Each is refused and changes nothing (the
 * audit log aside, which records the refused upload).
 */
@Attack(AttackCategory.ODD_INPUT)
class OperationsAttackTest extends AttackTestSupport {

  @Autowired WeeklySupervisionService weekly;
  @Autowired RuntimeService runtimeService;
  @Autowired org.duban.checkin.CheckInService checkIns;

  @AfterEach
  void noSweepLeftRunning() {
    NoSweepRunning.ensure(weekly, runtimeService);
  }

  @Test
  void aSecondRunNowWhileASweepRunsIsRefusedAndStartsNothing() throws Exception {
    NoSweepRunning.ensure(weekly, runtimeService);
    // an item past its first round (a missed check-in), so that the sweep has an item to light
    checkIns.recordMissed(fixture.issuedItem("重复周督查").itemId(), "2026-01");
    weekly.runNow("tducha");
    assertThat(weekly.runningSweep()).isPresent();
    DatabaseState before = databaseState();

    int status =
        mvc.perform(post("/supervision/sweep").with(as("tadmin")).with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();

    assertThat(status).isEqualTo(302);
    assertNothingChangedSince(before);
  }

  @Test
  void aDecisionWhoseEntryTheEngineCannotParseIsRefusedAtUpload() throws Exception {
    String dmn =
        Files.readString(Path.of("processes/item-light.dmn"), StandardCharsets.UTF_8)
            .replaceFirst("<text>&lt; 100</text>", "<text>&lt; 100 and (</text>");
    DatabaseState before = databaseState();

    String page =
        page(
            multipart("/admin/models/upload")
                .file(file("item-light.dmn", dmn))
                .with(as("tadmin"))
                .with(csrf()));

    assertThat(page)
        .contains("未部署", "processes/item-light.dmn", "第 1 条规则", "ruleOverdue", "填报进度(%)");
    assertNothingChangedSince(before);
  }

  @Test
  void aProcessWhoseConditionDoesNotCompileIsRefusedAtUpload() throws Exception {
    String bpmn =
        Files.readString(Path.of("processes/department-work.bpmn"), StandardCharsets.UTF_8)
            .replace("${claimDecision == 'claim'}", "${a >}");
    DatabaseState before = databaseState();

    String page =
        page(
            multipart("/admin/models/upload")
                .file(file("department-work.bpmn", bpmn))
                .with(as("tadmin"))
                .with(csrf()));

    assertThat(page).contains("未部署", "processes/department-work.bpmn", "${a &gt;}", "无法编译");
    assertNothingChangedSince(before);
  }

  private static MockMultipartFile file(String name, String content) {
    return new MockMultipartFile(
        "files", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
  }
}
