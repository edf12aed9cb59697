package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every state-changing post of Duban's pages, made by the person who may make it, but as a forged
 * cross-site request would come: without the session's CSRF token, and with a wrong one. Each is
 * refused with 403 and the database is as it was.
 */
@Attack(AttackCategory.CSRF)
class CsrfAttackTest extends AttackTestSupport {

  /** The records the posts aim at, made once per application context. */
  record Targets(
      AttackScenes.Draft draft,
      IssuedItem item,
      String claimTask,
      Long rectification,
      Long personId,
      Long departmentId) {}

  private static Targets targets;
  private static Object madeFor;

  @Autowired AttackScenes scenes;

  @BeforeEach
  void makeTargets() {
    if (madeFor != hospital) {
      AttackScenes.Noticed noticed = scenes.noticed("跨站伪造整改");
      IssuedItem item = scenes.awaitingClaim("跨站伪造认领");
      targets =
          new Targets(
              scenes.draft("跨站伪造草稿"),
              item,
              scenes.openTaskId(item, "claimItem"),
              noticed.rectification().getId(),
              hospital.personId("tmedstaff"),
              hospital.department("tnursing").getId());
      madeFor = hospital;
    }
  }

  static Stream<Arguments> posts() {
    LocalDate today = EngineClock.today();
    return Stream.of(
        aPost(
            "new task book",
            "tleader",
            t ->
                post("/books")
                    .param("title", "伪造任务书")
                    .param("year", "" + today.getYear())
                    .param("periodStart", today.toString())
                    .param("periodEnd", today.plusDays(100).toString())
                    .param("goalAreas", "医疗服务")),
        aPost(
            "goal area of a draft",
            "tleader",
            t -> post("/books/{id}/areas", t.draft().bookId()).param("name", "伪造领域")),
        aPost(
            "item of a draft",
            "tleader",
            t ->
                post("/books/{id}/items", t.draft().bookId())
                    .param("seq", "9")
                    .param("title", "伪造事项")),
        aPost(
            "delete an item of a draft",
            "tleader",
            t -> post("/books/{id}/items/{item}/delete", t.draft().bookId(), t.draft().itemId())),
        aPost(
            "Excel import into a draft",
            "tleader",
            t ->
                multipart("/books/{id}/import", t.draft().bookId())
                    .file(
                        new MockMultipartFile(
                            "file", "分解表.xlsx", "application/octet-stream", new byte[] {1, 2, 3}))),
        aPost(
            "a task's form",
            "tmedhead",
            t -> post("/tasks/{id}", t.claimTask()).param("claimDecision", "claim")),
        aPost("signing for a task", "tmedhead", t -> post("/tasks/{id}/claim", t.claimTask())),
        aPost("giving a task back", "tmedhead", t -> post("/tasks/{id}/unclaim", t.claimTask())),
        aPost("weekly supervision now", "tducha", t -> post("/supervision/sweep")),
        aPost("monthly check-in round now", "tducha", t -> post("/supervision/check-in-round")),
        aPost(
            "evidence file",
            "tmedhead",
            t ->
                multipart("/supervision/rectifications/{id}/files", t.rectification())
                    .file(
                        new MockMultipartFile(
                            "file", "佐证.pdf", "application/pdf", "%PDF-1.4".getBytes()))),
        aPost("weekly supervision report", "tducha", t -> post("/supervision/reports")),
        aPost(
            "urging an item",
            "tleader",
            t -> post("/items/{id}/urge", t.item().itemId()).param("message", "请加快")),
        aPost(
            "change request",
            "tleader",
            t ->
                post("/items/{id}/change", t.item().itemId())
                    .param("title", "伪造变更")
                    .param("reason", "伪造")),
        aPost(
            "opening an assessment",
            "tducha",
            t -> post("/assessments").param("bookId", "" + t.item().bookId())),
        aPost(
            "new person",
            "tadmin",
            t ->
                post("/admin/people")
                    .param("username", "forged")
                    .param("fullName", "伪造")
                    .param("password", "Forged-123456")),
        aPost(
            "setting someone's password",
            "tadmin",
            t ->
                post("/admin/people/{id}/password", t.personId())
                    .param("password", "Forged-123456")),
        aPost(
            "deactivating a person",
            "tadmin",
            t -> post("/admin/people/{id}/deactivate", t.personId())),
        aPost(
            "new department",
            "tadmin",
            t -> post("/admin/departments").param("code", "forged").param("name", "伪造科")),
        aPost(
            "deactivating a department",
            "tadmin",
            t -> post("/admin/departments/{id}/deactivate", t.departmentId())),
        aPost(
            "group robot",
            "tadmin",
            t ->
                post("/admin/robots")
                    .param("platform", "WECOM")
                    .param("name", "伪造机器人")
                    .param("webhookUrl", "https://evil.example/hook")),
        aPost(
            "calendar day",
            "tadmin",
            t ->
                post("/admin/calendar/day")
                    .param("year", "" + today.getYear())
                    .param("date", today.toString())
                    .param("kind", "HOLIDAY")
                    .param("name", "伪造假日")),
        aPost("redeploying the models", "tadmin", t -> post("/admin/models/redeploy")),
        aPost("unlocking a name", "tadmin", t -> post("/admin/people/{u}/unlock", "tmedstaff")),
        aPost(
            "own password",
            "tmedhead",
            t ->
                post("/me/password")
                    .param("oldPassword", "test-secret")
                    .param("newPassword", "Forged-123456")
                    .param("repeatPassword", "Forged-123456")),
        aPost(
            "own notification settings",
            "tmedhead",
            t -> post("/me/notifications").param("email", "evil@evil.example")),
        aPost("marking the inbox read", "tmedhead", t -> post("/inbox/read-all")),
        aPost("log-out", "tmedhead", t -> post("/logout")));
  }

  private static Arguments aPost(
      String what, String user, Function<Targets, MockHttpServletRequestBuilder> request) {
    return Arguments.of(what, user, request);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("posts")
  void aPostWithoutOrWithAWrongTokenIsRefusedAndChangesNothing(
      String what, String user, Function<Targets, MockHttpServletRequestBuilder> request)
      throws Exception {
    DatabaseState before = databaseState();
    String claimAssignee = currentTask(targets.claimTask()).getAssignee();

    mvc.perform(request.apply(targets).with(as(user))).andExpect(status().isForbidden());
    mvc.perform(request.apply(targets).with(as(user)).with(csrf().useInvalidToken()))
        .andExpect(status().isForbidden());

    assertNothingChangedSince(before);
    assertThat(currentTask(targets.claimTask()).getAssignee()).isEqualTo(claimAssignee);
  }
}
