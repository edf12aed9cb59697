package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.duban.HttpBrowser;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.checkin.CheckInRounds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The same task submitted from two logged-in sessions at the same moment, over real HTTP: one is
 * recorded, the other person is told in Chinese that someone else handled it (no error page), and
 * the data is whole: one check-in or one claim, one completion in the engine and in the audit, and
 * the engine's and the domain's records name the same person. The test hook {@link
 * CompletionOverlap} holds both submissions inside their transactions, after each has read the task
 * as open, until both are there: so the second really races the first, on the database, and its
 * refusal comes from the race handling in {@link WorkTasks#complete}, not from finding the task
 * already gone before it started.
 */
@RunningAppTest
@TestPropertySource(properties = "duban.test.completion-overlap=2")
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentCompletionHttpTest {

  static final String CAME_SECOND = "came second and recorded nothing";

  static final String SUBMITTED = ">已提交</p>";
  static final String GONE = ">该任务已由他人办理或已结束</p>";

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired CheckInRounds checkInRounds;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired CompletionOverlap overlap;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  private CapturedOutput output;

  @BeforeEach
  void ensureHospital(CapturedOutput output) {
    this.output = output;
    hospital.ensure();
  }

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  @Test
  void twoPeopleSubmittingTheSameCheckInAtOnceRecordOneCheckIn() throws Exception {
    // Given an open check-in of 测试医务部's item, open in the head's and in the staff's browser
    IssuedItem item = fixture.issuedItem("同时填报事项");
    checkInRounds.openNow("tducha");
    String taskId = fixture.openCheckInTask(item).getId();
    Map<String, String> report =
        Map.of(
            "percentDone", "40", "readings[0].value", "7.0", "narrative", "按计划推进", "obstacles", "");

    // When both submit it at the same moment
    Race race = race(taskId, report, "tmedhead", "tmedstaff");

    // Then one is told it is submitted and the other that someone else handled it
    String winner = race.winner();

    // and one check-in is recorded, by the winner, with one completion in the engine and the audit
    assertThat(
            jdbc.queryForList(
                "select submitted_by from check_in where work_item_id = ?",
                String.class,
                item.itemId()))
        .containsExactly(winner);
    assertThat(
            jdbc.queryForObject(
                "select percent_done from work_item where id = ?", Integer.class, item.itemId()))
        .isEqualTo(40);
    assertOneCompletionBy(taskId, winner);
  }

  @Test
  void aClaimedCheckInSubmittedFromTwoTabsAtOnceIsRecordedOnce() throws Exception {
    // Given a check-in the head has claimed: completing it claims nothing, so the second submission
    // meets the first one's check-in row (one a month) before it meets the engine's lock on the
    // task
    for (int round = 1; round <= 2; round++) {
      IssuedItem item = fixture.issuedItem("两个窗口填报事项" + round);
      checkInRounds.openNow("tducha");
      String taskId = fixture.openCheckInTask(item).getId();
      taskService.claim(taskId, "tmedhead");

      race(
          taskId,
          Map.of(
              "percentDone",
              "55",
              "readings[0].value",
              "7.0",
              "narrative",
              "两个窗口",
              "obstacles",
              ""),
          "tmedhead",
          "tmedhead");

      assertThat(
              jdbc.queryForObject(
                  "select count(*) from check_in where work_item_id = ?",
                  Integer.class,
                  item.itemId()))
          .isEqualTo(1);
      assertOneCompletionBy(taskId, "tmedhead");
    }
  }

  @Test
  void twoSessionsClaimingTheSameItemAtOnceClaimItOnce() throws Exception {
    // Several rounds: the loser meets the winner at different points of its transaction
    for (int round = 1; round <= 3; round++) {
      IssuedItem item = fixture.issuedItem("同时认领事项" + round);
      String taskId = fixture.openTask(item, "claimItem").getId();

      Race race =
          race(
              taskId,
              Map.of("claimDecision", "claim", "disputeReason", ""),
              "tmedhead",
              "tmedhead");

      String winner = race.winner();
      assertThat(winner).isEqualTo("tmedhead");
      assertThat(
              jdbc.queryForObject(
                  "select stage from work_item where id = ?", String.class, item.itemId()))
          .isEqualTo("BREAKDOWN");
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(item.businessKey())
                  .taskDefinitionKey("breakDownItem")
                  .count())
          .as("one breakdown task")
          .isEqualTo(1);
      assertThat(
              taskService.createTaskQuery().processInstanceBusinessKey(item.businessKey()).count())
          .as("no other task opened twice")
          .isEqualTo(1);
      assertOneCompletionBy(taskId, winner);
    }
  }

  private void assertOneCompletionBy(String taskId, String winner) {
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().list())
        .singleElement()
        .satisfies(t -> assertThat(t.getAssignee()).as("the engine's completer").isEqualTo(winner));
    assertThat(
            jdbc.queryForList(
                "select actor from audit_event where action = 'task.complete' and subject_id = ?",
                String.class,
                taskId))
        .containsExactly(winner);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  /** Both browsers open the task page, then post its form at the same moment. */
  private Race race(String taskId, Map<String, String> fields, String first, String second)
      throws Exception {
    List<String> users = List.of(first, second);
    List<HttpBrowser> browsers = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (String user : users) {
      HttpBrowser browser = HttpBrowser.onPort(port).logIn(user, TestHospital.PASSWORD);
      HttpResponse<String> page = browser.get("/tasks/" + taskId);
      assertThat(page.statusCode()).as(user + " opens the task").isEqualTo(200);
      browsers.add(browser);
      tokens.add(HttpBrowser.csrfOf(page.body()));
    }
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> posts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpBrowser browser = browsers.get(i);
      String token = tokens.get(i);
      posts.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                return browser.postForm("/tasks/" + taskId, fields, token);
              }));
    }
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    int heldBefore = overlap.heldTogether();
    int secondsBefore = count(output.getOut(), CAME_SECOND + " (");
    go.countDown();
    List<String> flashes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> answer = posts.get(i).get(60, TimeUnit.SECONDS);
      assertThat(answer.statusCode())
          .as(users.get(i) + "'s submission: " + answer.body())
          .isEqualTo(302);
      assertThat(answer.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/tasks"));
      String list = browsers.get(i).get("/tasks").body();
      flashes.add(
          list.contains(SUBMITTED) ? "submitted" : list.contains(GONE) ? "gone" : "neither");
    }
    System.out.printf(
        "[concurrency] task %s: %s %s, %s %s%n",
        taskId, users.get(0), flashes.get(0), users.get(1), flashes.get(1));
    assertThat(flashes).containsExactlyInAnyOrder("submitted", "gone");
    // both were inside their transactions with the task open at once, and the loser was turned away
    // by the race handling (it logs that it came second), not before it began
    assertThat(overlap.heldTogether() - heldBefore).as("submissions that overlapped").isEqualTo(2);
    assertThat(count(output.getOut(), CAME_SECOND + " (") - secondsBefore)
        .as("submissions that lost the race")
        .isEqualTo(1);
    return new Race(users.get(flashes.indexOf("submitted")));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  record Race(String winner) {}
}
