package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.HttpBrowser;
import org.junit.jupiter.api.Test;

/**
 * The same monthly check-in submitted at the same moment by the head of 医务部 and by the head in a
 * second browser, against Duban as its own process on PostgreSQL: one is recorded, the other is
 * told 该任务已由他人办理或已结束 on their task list, and the database holds one check-in, one completion of the
 * task in the engine's history and one in the audit, all by the same person. A test hook
 * (duban.test.completion-overlap) holds both submissions inside their transactions, after each has
 * read the task as open, until both are there, so the second is turned away by the race handling on
 * PostgreSQL and not by finding the task gone before it started.
 */
class ConcurrentCompletionIT {

  private static final String PASSWORD = "duban123";
  private static final Pattern TASK_LINK = Pattern.compile("href=\"/tasks/([0-9a-f-]{36})\"");

  @Test
  void twoSessionsSubmittingOneCheckInAtOnceRecordItOnce() throws Exception {
    try (FaultPostgres db = FaultPostgres.start();
        AppProcess app =
            db.node("concurrent-completion")
                // the test hook that holds both submissions inside their transactions until both
                // are there
                .property("duban.test.completion-overlap", "2")) {
      app.start();
      HttpBrowser first = new HttpBrowser(app.baseUrl()).logIn("yiwu", PASSWORD);
      String taskId = openCheckIn(db, app, first);
      String narrative = "两个会话同时提交 " + taskId;
      assertThat(
              db.jdbc()
                  .queryForObject(
                      "select count(*) from check_in where narrative = ?",
                      Integer.class,
                      narrative))
          .isZero();

      HttpBrowser second = new HttpBrowser(app.baseUrl()).logIn("yiwu", PASSWORD);
      List<HttpBrowser> browsers = List.of(first, second);
      List<String> tokens = new ArrayList<>();
      for (HttpBrowser browser : browsers) {
        HttpResponse<String> page = browser.get("/tasks/" + taskId);
        assertThat(page.statusCode()).isEqualTo(200);
        tokens.add(HttpBrowser.csrfOf(page.body()));
      }
      Map<String, String> report =
          Map.of("percentDone", "100", "narrative", narrative, "obstacles", "");

      // When both submit at the same moment
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
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
                    return browser.postForm("/tasks/" + taskId, report, token);
                  }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();

        // Then both are sent to their task list, one told it is submitted, the other that someone
        // else did it
        List<String> told = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          HttpResponse<String> answer = posts.get(i).get(90, TimeUnit.SECONDS);
          assertThat(answer.statusCode()).as("submission %d: %s", i, answer.body()).isEqualTo(302);
          String list = browsers.get(i).get("/tasks").body();
          told.add(
              list.contains(">已提交</p>")
                  ? "submitted"
                  : list.contains(">该任务已由他人办理或已结束</p>") ? "gone" : "neither");
        }
        System.out.printf("[fault] one check-in from two sessions at once: %s%n", told);
        assertThat(told).containsExactlyInAnyOrder("submitted", "gone");
        // both overlapped inside their transactions, and the loser went through the race handling
        String log = app.logSinceLastStart();
        assertThat(
                occurrences(
                    log, "completion of task " + taskId + " held until 2 completions overlapped"))
            .as("submissions that overlapped")
            .isEqualTo(2);
        assertThat(occurrences(log, "task " + taskId + ": yiwu came second and recorded nothing"))
            .as("submissions that lost the race")
            .isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }

      // and the data is whole: one check-in, one completion in the engine and in the audit, all by
      // yiwu
      assertThat(
              db.jdbc()
                  .queryForList(
                      "select submitted_by from check_in where narrative = ?",
                      String.class,
                      narrative))
          .containsExactly("yiwu");
      assertThat(
              db.jdbc()
                  .queryForList(
                      "select assignee_ from act_hi_taskinst where id_ = ? and end_time_ is not null",
                      String.class,
                      taskId))
          .containsExactly("yiwu");
      assertThat(
              db.jdbc()
                  .queryForList(
                      "select actor from audit_event where action = 'task.complete' and subject_id = ?",
                      String.class,
                      taskId))
          .containsExactly("yiwu");
      assertThat(
              db.jdbc()
                  .queryForObject(
                      "select count(*) from act_ru_task where id_ = ?", Integer.class, taskId))
          .isZero();
      assertThat(app.logSinceLastStart()).doesNotContain("Exception in thread");
    }
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  /**
   * An unclaimed check-in task on yiwu's list; the supervision office opens this month's round if
   * there is none.
   */
  static String openCheckIn(FaultPostgres db, AppProcess app, HttpBrowser yiwu) throws Exception {
    String found = checkInOnList(db, yiwu);
    if (found == null) {
      HttpBrowser ducha = new HttpBrowser(app.baseUrl()).logIn("ducha", PASSWORD);
      String token = HttpBrowser.csrfOf(ducha.get("/supervision").body());
      assertThat(ducha.postForm("/supervision/check-in-round", Map.of(), token).statusCode())
          .isEqualTo(302);
      found = checkInOnList(db, yiwu);
    }
    assertThat(found).as("a check-in task on yiwu's list").isNotNull();
    return found;
  }

  private static String checkInOnList(FaultPostgres db, HttpBrowser yiwu) throws Exception {
    Set<String> ids = new LinkedHashSet<>();
    for (int page = 0; page < 5; page++) {
      Matcher links = TASK_LINK.matcher(yiwu.get("/tasks?page=" + page).body());
      while (links.find()) {
        ids.add(links.group(1));
      }
    }
    for (String id : ids) {
      Integer open =
          db.jdbc()
              .queryForObject(
                  "select count(*) from act_ru_task where id_ = ? and task_def_key_ = 'submitCheckIn'"
                      + " and assignee_ is null",
                  Integer.class,
                  id);
      if (open == 1) {
        return id;
      }
    }
    return null;
  }
}
