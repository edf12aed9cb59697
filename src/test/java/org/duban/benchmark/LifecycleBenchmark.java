package org.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.TestHospital;
import org.duban.TestPostgres;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemFormData;
import org.duban.checkin.CheckInRounds;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Items per second through the whole life of a work item — issue (draft, review, issue the book),
 * claim, break down, the sub-task, the monthly check-in, the completion report, acceptance — done
 * twice in the same run on the same embedded PostgreSQL server:
 *
 * <ul>
 *   <li><b>Duban</b>: the services the pages call (TaskBookService, WorkTasks.claim/complete with
 *       the form values, CheckInRounds), with all their domain writes, audit, history and routing;
 *   <li><b>bare</b>: a Camunda engine built here (StandaloneProcessEngineConfiguration, no Spring,
 *       no Duban bean) in its own database on the same server, running the same files of processes/
 *       with the same variables; every delegate and routing expression resolves to a no-op bean of
 *       the configuration's beans map that returns what Duban would (the lead group, the items).
 * </ul>
 *
 * Batches of the two alternate so both see the same load on the shared machine. A benchmark, not a
 * test: {@code mvn -Pbenchmark test -Dtest=LifecycleBenchmark}; {@code -Dbenchmark.items=200}
 * (items per side) and {@code -Dbenchmark.batch=20} (items per book). Prints a table, asserts no
 * timing.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(BenchmarkPostgres.class)
class LifecycleBenchmark {

  private static final int ITEMS = Integer.getInteger("benchmark.items", 200);
  private static final int BATCH = Integer.getInteger("benchmark.batch", 20);

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired TaskBookService taskBooks;
  @Autowired WorkTasks workTasks;
  @Autowired CheckInRounds checkInRounds;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  private int books;

  @Test
  void lifecycleAgainstABareEngine() throws Exception {
    hospital.ensure();
    HikariConfig pool = new HikariConfig();
    // a database of its own beside the application's, on the same server
    pool.setDataSource(TestPostgres.freshDatabase());
    pool.setMaximumPoolSize(20);
    try (HikariDataSource bareDataSource = new HikariDataSource(pool)) {
      ProcessEngine bare = bareEngine(bareDataSource);
      try {
        Bare bareRun = new Bare(bare);
        // warm-up: one small batch each, not counted
        dubanBatch(Math.min(5, BATCH));
        bareRun.batch(Math.min(5, BATCH));
        long dubanNanos = 0;
        long bareNanos = 0;
        int done = 0;
        List<String> loads = new ArrayList<>();
        loads.add(BenchmarkMachine.load());
        while (done < ITEMS) {
          int size = Math.min(BATCH, ITEMS - done);
          long start = System.nanoTime();
          dubanBatch(size);
          long middle = System.nanoTime();
          bareRun.batch(size);
          long end = System.nanoTime();
          dubanNanos += middle - start;
          bareNanos += end - middle;
          done += size;
          System.out.printf(
              "... %d items each: Duban %.1f s, bare %.1f s, load %s%n",
              done, dubanNanos / 1e9, bareNanos / 1e9, BenchmarkMachine.load());
        }
        loads.add(BenchmarkMachine.load());

        Integer closed =
            jdbc.queryForObject(
                "select count(*) from work_item where stage = 'CLOSED'", Integer.class);
        long bareEnded =
            bare.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("departmentWork")
                .finished()
                .count();
        double dubanRate = done / (dubanNanos / 1e9);
        double bareRate = done / (bareNanos / 1e9);
        System.out.printf(
            "%n| lifecycle on PostgreSQL, %d items per side, books of %d | items | wall time | items/s"
                + " | user tasks/s |%n",
            done, BATCH);
        System.out.printf("|---|---|---|---|---|%n");
        System.out.printf(
            "| Duban (services of the pages, domain writes) | %d | %.1f s | %.2f | %.1f |%n",
            done, dubanNanos / 1e9, dubanRate, tasksPerItem(BATCH) * done / (dubanNanos / 1e9));
        System.out.printf(
            "| bare Camunda 7.24 (same BPMN, no-op beans) | %d | %.1f s | %.2f | %.1f |%n",
            done, bareNanos / 1e9, bareRate, tasksPerItem(BATCH) * done / (bareNanos / 1e9));
        System.out.printf("| ratio Duban / bare | | | %.2f | |%n", dubanRate / bareRate);
        System.out.printf(
            "%nper item: claim, break down, one sub-task, one check-in, completion report, accept;"
                + " per book: draft and review (%.2f user tasks per item); closed items: Duban %d (incl. warm-up),"
                + " bare department-work instances ended %d (incl. warm-up); load average at start / end: %s / %s;"
                + " %s%n%n",
            tasksPerItem(BATCH),
            closed,
            bareEnded,
            loads.get(0),
            loads.get(1),
            BenchmarkMachine.describe());
        assertThat(closed).isGreaterThanOrEqualTo(done);
        assertThat(bareEnded).isGreaterThanOrEqualTo(done);
      } finally {
        bare.close();
      }
    }
  }

  private static double tasksPerItem(int batch) {
    return 6 + 2.0 / batch;
  }

  // ---------------------------------------------------------------- Duban

  /** One book of {@code size} items of 测试医务部 through its whole life, as the pages do it. */
  private void dubanBatch(int size) {
    String title = "基准测试-生命周期" + (++books);
    TaskBook book = fixture.draft(title);
    List<Long> items = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      WorkItemFormData form = fixture.itemForm(book, String.valueOf(i), title + "第" + i + "项");
      items.add(
          taskBooks.addItem(book.getId(), form, hospital.user(IssuedItemFixture.ISSUER)).getId());
    }
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        task(instance, "draftTaskBook"), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        task(instance, "reviewTaskBook"),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));
    for (Long item : items) {
      String claim = itemTask(item, "claimItem");
      workTasks.claim(claim, hospital.user("tmedhead"));
      workTasks.complete(claim, Map.of("claimDecision", "claim"), hospital.user("tmedhead"));
      workTasks.complete(
          itemTask(item, "breakDownItem"),
          Map.of(
              "subTasks",
              List.of(
                  Map.of(
                      "title",
                      "落实第一步",
                      "assignee",
                      "user:tmedstaff",
                      "dueDate",
                      EngineClock.today().plusDays(10)))),
          hospital.user("tmedhead"));
      workTasks.complete(
          itemTask(item, "doSubTask"), Map.of("report", "已完成"), hospital.user("tmedstaff"));
    }
    checkInRounds.openNow("tducha");
    for (Task checkIn :
        taskService.createTaskQuery().taskDefinitionKey("submitCheckIn").active().list()) {
      workTasks.complete(
          checkIn.getId(),
          Map.of(
              "percentDone",
              100,
              "readings",
              List.of(Map.of("value", new BigDecimal("6.4"))),
              "narrative",
              "按计划完成",
              "obstacles",
              "无"),
          hospital.user("tmedhead"));
    }
    for (Long item : items) {
      workTasks.complete(
          itemTask(item, "submitCompletionReport"),
          Map.of("completionSummary", "全部完成"),
          hospital.user("tmedhead"));
      workTasks.complete(
          itemTask(item, "acceptItem"),
          Map.of("acceptDecision", "accept", "acceptanceComment", "同意验收"),
          hospital.user(IssuedItemFixture.ISSUER));
    }
  }

  private String task(String instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }

  private String itemTask(Long item, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey("item-" + item)
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }

  // ---------------------------------------------------------------- bare engine

  /**
   * Camunda alone, set as Duban sets its engine (full history, authorizations on, history time to
   * live enforced, no job executor in a benchmark), without Duban's plugins, listeners or beans.
   */
  private static ProcessEngine bareEngine(HikariDataSource dataSource) throws IOException {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setAuthorizationEnabled(true);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(new HashMap<>(NoOpBeans.beans()));
    ProcessEngine engine = configuration.buildProcessEngine();
    DeploymentBuilder deployment =
        engine.getRepositoryService().createDeployment().name("bare benchmark");
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
            try (InputStream in = Files.newInputStream(file)) {
              deployment.addString(
                  folder + "/" + name,
                  new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
          }
        }
      }
    }
    deployment.deploy();
    return engine;
  }

  /** The same path through the same processes, on the bare engine, with the same variables. */
  private static final class Bare {
    private final RuntimeService runtime;
    private final TaskService tasks;
    private long nextItem = 1_000_000;
    private long nextBook = 1_000_000;

    Bare(ProcessEngine engine) {
      this.runtime = engine.getRuntimeService();
      this.tasks = engine.getTaskService();
    }

    void batch(int size) {
      long book = nextBook++;
      List<Long> items = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        items.add(nextItem++);
      }
      NoOpBeans.ITEMS.put(book, items);
      NoOpBeans.openItems = items;
      String instance =
          runtime
              .startProcessInstanceByKey(
                  "taskBookIssuance",
                  "book-" + book,
                  Map.of("taskBookId", book, "issuer", IssuedItemFixture.ISSUER))
              .getId();
      tasks.complete(task(instance, "draftTaskBook"));
      tasks.complete(task(instance, "reviewTaskBook"), Map.of("reviewDecision", "approve"));
      for (Long item : items) {
        String claim = itemTask(item, "claimItem");
        tasks.claim(claim, "tmedhead");
        tasks.complete(claim, Map.of("claimDecision", "claim"));
        tasks.complete(itemTask(item, "breakDownItem"));
        tasks.complete(itemTask(item, "doSubTask"));
      }
      runtime.startProcessInstanceByKey(CheckInRounds.PROCESS_KEY);
      for (Task checkIn :
          tasks.createTaskQuery().taskDefinitionKey("submitCheckIn").active().list()) {
        tasks.complete(checkIn.getId());
      }
      for (Long item : items) {
        tasks.complete(itemTask(item, "submitCompletionReport"));
        tasks.complete(itemTask(item, "acceptItem"), Map.of("acceptDecision", "accept"));
      }
    }

    private String task(String instance, String key) {
      return tasks
          .createTaskQuery()
          .processInstanceId(instance)
          .taskDefinitionKey(key)
          .singleResult()
          .getId();
    }

    private String itemTask(Long item, String key) {
      return tasks
          .createTaskQuery()
          .processInstanceBusinessKey("item-" + item)
          .taskDefinitionKey(key)
          .singleResult()
          .getId();
    }
  }

  /**
   * What the processes' expressions call, answering as Duban would for items of 测试医务部 and doing
   * nothing else: no domain table, no audit, no history of Duban's.
   */
  public static final class NoOpBeans {
    static final Map<Long, List<Long>> ITEMS = new java.util.concurrent.ConcurrentHashMap<>();
    static volatile List<Long> openItems = List.of();

    static Map<String, Object> beans() {
      JavaDelegate nothing = execution -> {};
      JavaDelegate openRound =
          execution -> {
            execution.setVariable("period", java.time.YearMonth.now().toString());
            execution.setVariable(
                "checkInDueDate", EngineClock.toDate(EngineClock.now().plusDays(7)));
          };
      Map<String, Object> beans = new HashMap<>();
      beans.put("issueTaskBookDelegate", nothing);
      beans.put("closeTaskBookDelegate", nothing);
      beans.put("closeWorkItemDelegate", nothing);
      beans.put("recordMissedCheckInDelegate", nothing);
      beans.put("taskReminderDelegate", nothing);
      beans.put("openCheckInRoundDelegate", openRound);
      beans.put("workItemRouting", new ItemRouting());
      beans.put("taskBookRouting", new BookRouting());
      beans.put("checkInRound", new Round());
      beans.put("workCalendar", new Calendar());
      return beans;
    }

    public static final class ItemRouting {
      public String leadGroup(Long workItemId) {
        return "dept_tmedical";
      }

      public String leaderInCharge(Long workItemId) {
        return "tincharge";
      }

      public Collection<Long> subTaskIds(Long workItemId) {
        return List.of(workItemId);
      }

      public String subTaskAssignee(Long subTaskId) {
        return "tmedstaff";
      }

      public Collection<String> subTaskGroups(Long subTaskId) {
        return List.of();
      }
    }

    public static final class BookRouting {
      public Collection<Long> itemIds(Long taskBookId) {
        return ITEMS.getOrDefault(taskBookId, List.of());
      }

      public boolean needsSigning(Long taskBookId) {
        return false;
      }

      public Collection<String> signingGroups(Long taskBookId) {
        return List.of();
      }

      public Collection<String> signingUsers(Long taskBookId) {
        return List.of();
      }
    }

    public static final class Round {
      public Collection<Long> openItemIds() {
        return openItems;
      }
    }

    public static final class Calendar {
      public Date onWorkingDay(Date when) {
        return when;
      }

      public Date workingDaysBefore(Date due, int n) {
        return new Date(due.getTime() - n * 86_400_000L);
      }
    }
  }
}
