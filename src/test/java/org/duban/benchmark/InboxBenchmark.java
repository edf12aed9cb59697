package org.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.duban.HttpBrowser;
import org.duban.fault.AppProcess;
import org.duban.fault.FaultPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox (我的待办) with 100,000 open tasks and over 1,000,000 history rows, and Duban's memory,
 * with Duban as a separate process: the packaged jar (AppProcess) on the postgres profile with the
 * demo hospital, on an embedded PostgreSQL server (FaultPostgres).
 *
 * <p>Data: the demo's own work; then one real open department-work instance of the demo (its task
 * waiting for the lead department) is copied 100,000 times with generate_series, in SQL on
 * PostgreSQL: its execution, task, candidate group, variables and task authorizations (ACT_RU_*),
 * its history (every ACT_HI_* row of the instance), and a new work item (work_item) per copy for
 * the copy's workItemId, spread over the departments (every fifth to 医务部), every hundredth task
 * assigned to the staff member yiwu01; Duban's item history (item_event) is topped up until the
 * ACT_HI_* and item_event rows reach 1,000,000.
 *
 * <p>Measured: GET /tasks over HTTP as 医务部's head (yiwu) and as one of its staff (yiwu01), median
 * and p95 of 100 requests after 10 warm-up requests; the engine's task query behind the page (the
 * same query, through a Camunda engine built here on the same database with the same groups and
 * authorizations on); the app's resident size (VmRSS) and heap used (jcmd GC.heap_info) after
 * start, after the data and under four concurrent inbox clients.
 *
 * <p>A benchmark, not a test: {@code mvn -B -o -q package -DskipTests} first (it needs the jar),
 * then {@code mvn -Pbenchmark test -Dtest=InboxBenchmark}; {@code -Dbenchmark.tasks=20000} for a
 * smaller one. Prints tables, asserts no timing.
 */
class InboxBenchmark {

  private static final int TASKS = Integer.getInteger("benchmark.tasks", 100_000);
  private static final int HISTORY = Integer.getInteger("benchmark.history", 1_000_000);
  private static final int CHUNK = 10_000;
  private static final int REQUESTS = Integer.getInteger("benchmark.requests", 30);
  private static final int WARM_UP = 3;

  /** The engine's query with its authorization check takes seconds: a few runs say enough. */
  private static final int CHECKED_REQUESTS = 5;

  private static final String HEAD = "yiwu";
  private static final String STAFF = "yiwu01";

  private final List<String> memory = new ArrayList<>();

  @Test
  void inboxAndMemoryWithOneHundredThousandOpenTasks() throws Exception {
    System.out.printf("%nmachine: %s%n", BenchmarkMachine.describe());
    try (FaultPostgres postgres = FaultPostgres.start();
        AppProcess app =
            AppProcess.onPostgres(
                "inbox-benchmark", postgres.jdbcUrl(), postgres.user(), postgres.password())) {
      app.start();
      JdbcTemplate jdbc = postgres.jdbc();
      Thread.sleep(10_000);
      memory("after start (demo hospital, idle 10 s)", app);

      long seedStart = System.nanoTime();
      Seeded seeded = seed(jdbc);
      long seedNanos = System.nanoTime() - seedStart;
      jdbc.execute("analyze");
      System.out.printf(
          "%ndata made in %.1f s (load %s): %s%n",
          seedNanos / 1e9, BenchmarkMachine.load(), seeded);
      System.gc();
      memory("after the data (idle)", app);

      HttpBrowser head = new HttpBrowser(app.baseUrl()).logIn(HEAD, "duban123");
      HttpBrowser staff = new HttpBrowser(app.baseUrl()).logIn(STAFF, "duban123");
      List<String> rows = new ArrayList<>();
      rows.add(timeHttp("GET /tasks as 医务部 head (" + HEAD + ")", head, "/tasks"));
      rows.add(timeHttp("GET /tasks as 医务部 staff (" + STAFF + ")", staff, "/tasks"));
      rows.add(timeHttp("GET /tasks?page=20 as " + HEAD, head, "/tasks?page=20"));

      HikariConfig pool = new HikariConfig();
      pool.setJdbcUrl(postgres.jdbcUrl());
      pool.setUsername(postgres.user());
      pool.setPassword(postgres.password());
      pool.setMaximumPoolSize(4);
      try (HikariDataSource dataSource = new HikariDataSource(pool)) {
        ProcessEngine engine = engine(dataSource);
        try {
          rows.add(
              timeQuery(
                  "engine task query behind it, as the page runs it, " + HEAD,
                  engine,
                  HEAD,
                  groups(jdbc, HEAD),
                  false,
                  REQUESTS));
          rows.add(
              timeQuery(
                  "engine task query behind it, as the page runs it, " + STAFF,
                  engine,
                  STAFF,
                  groups(jdbc, STAFF),
                  false,
                  REQUESTS));
          rows.add(
              timeQuery(
                  "the same query with the engine's authorization check (before 2026-12-03), "
                      + HEAD,
                  engine,
                  HEAD,
                  groups(jdbc, HEAD),
                  true,
                  CHECKED_REQUESTS));
        } finally {
          engine.close();
        }
      }

      underLoad(app, head, staff);

      System.out.printf(
          "%n| inbox on PostgreSQL, %,d open tasks, %,d history rows | median | p95 | max | load average |%n",
          seeded.openTasks(), seeded.historyRows());
      System.out.printf("|---|---|---|---|---|%n");
      rows.forEach(System.out::println);
      System.out.printf(
          "%n| Duban's memory (%s) | resident (VmRSS) | heap used | heap committed | load average |%n",
          "java -jar, AppProcess JVM options");
      System.out.printf("|---|---|---|---|---|%n");
      memory.forEach(System.out::println);
      System.out.printf(
          "%nvisible tasks: %s; data made in %.0f s%n%n", seeded.visible(), seedNanos / 1e9);
      assertThat(seeded.openTasks()).isGreaterThanOrEqualTo(TASKS);
    }
  }

  // ---------------------------------------------------------------- data

  record Seeded(
      long openTasks,
      long historyRows,
      long camundaHistory,
      long itemEvents,
      String template,
      Map<String, Long> visible) {}

  private Seeded seed(JdbcTemplate jdbc) {
    // the template: a department-work instance with one execution, its task waiting for a
    // department
    Map<String, Object> template =
        jdbc.queryForMap(
            """
        select t.id_ as task, t.proc_inst_id_ as instance, t.task_def_key_ as key, v.long_ as item
          from act_ru_task t
          join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.name_ = 'workItemId'
          join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ like 'dept\\_%'
         where t.assignee_ is null
           and (select count(*) from act_ru_execution e where e.proc_inst_id_ = t.proc_inst_id_) = 1
         order by case t.task_def_key_ when 'claimItem' then 0 when 'submitCompletionReport' then 1 else 2 end
         limit 1""");
    String instance = (String) template.get("instance");
    String task = (String) template.get("task");
    long templateItem = ((Number) template.get("item")).longValue();

    List<Map<String, Object>> departments =
        jdbc.queryForList("select id, code from department order by id");
    String headDepartment =
        jdbc.queryForObject(
            "select d.code from person p join department d on d.id = p.department_id where p.username = ?",
            String.class,
            HEAD);
    String groups =
        departments.stream()
            .map(d -> "'dept_" + d.get("code") + "'")
            .collect(Collectors.joining(","));
    String ids =
        departments.stream().map(d -> String.valueOf(d.get("id"))).collect(Collectors.joining(","));
    int headIndex = 0;
    for (int i = 0; i < departments.size(); i++) {
      if (headDepartment.equals(departments.get(i).get("code"))) {
        headIndex = i;
      }
    }
    // every fifth copy to 医务部, the others round the departments
    String department =
        "(case when g % 5 = 0 then "
            + (headIndex + 1)
            + " else g % "
            + departments.size()
            + " + 1 end)";
    long firstItem = jdbc.queryForObject("select max(id) from work_item", Long.class) + 1_000;
    String item = "(" + firstItem + " + g)";

    Map<String, String> where = new java.util.LinkedHashMap<>();
    where.put("act_ru_execution", "t.proc_inst_id_ = '" + instance + "'");
    where.put("act_ru_task", "t.proc_inst_id_ = '" + instance + "'");
    where.put("act_ru_identitylink", "t.task_id_ = '" + task + "'");
    where.put("act_ru_variable", "t.proc_inst_id_ = '" + instance + "'");
    where.put("act_ru_authorization", "t.resource_id_ in ('" + task + "', '" + instance + "')");
    for (String table :
        jdbc.queryForList(
            """
        select table_name from information_schema.columns
         where table_schema = current_schema() and table_name like 'act\\_hi\\_%' and column_name = 'proc_inst_id_'
         order by table_name""",
            String.class)) {
      where.put(table, "t.proc_inst_id_ = '" + instance + "'");
    }
    where.put("act_hi_identitylink", "t.task_id_ = '" + task + "'");
    Set<String> templateIds = new LinkedHashSet<>();
    for (Map.Entry<String, String> table : where.entrySet()) {
      templateIds.addAll(
          jdbc.queryForList(
              "select t.id_ from " + table.getKey() + " t where " + table.getValue(),
              String.class));
    }
    String idArray =
        templateIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));

    // the work items first: the copies' workItemId points at them
    List<String> itemColumns = columns(jdbc, "work_item");
    String itemSql =
        "insert into work_item ("
            + String.join(", ", itemColumns)
            + ") select "
            + itemColumns.stream()
                .map(
                    c ->
                        switch (c) {
                          case "id" -> item;
                          case "seq" -> "'BENCH-' || g";
                          case "title" -> "'基准待办事项' || g";
                          case "lead_department_id" -> "(array[" + ids + "])[" + department + "]";
                          case "parent_item_id" -> "null";
                          default -> "t." + c;
                        })
                .collect(Collectors.joining(", "))
            + " from work_item t, generate_series(?, ?) g where t.id = "
            + templateItem;
    chunks(jdbc, itemSql);
    jdbc.execute(
        "select setval(pg_get_serial_sequence('work_item', 'id'), (select max(id) from work_item))");
    jdbc.update(
        "insert into item_event (work_item_id, task_book_id, occurred_at, actor, kind, detail)"
            + " select w.id, w.task_book_id, now(), 'system', 'ITEM_ISSUED', null from work_item w where w.seq like 'BENCH-%'");

    for (Map.Entry<String, String> table : where.entrySet()) {
      List<String> columns = columns(jdbc, table.getKey());
      Map<String, String> types = types(jdbc, table.getKey());
      String select =
          columns.stream()
              .map(
                  c ->
                      expression(
                          table.getKey(),
                          c,
                          types.get(c),
                          columns,
                          idArray,
                          instance,
                          item,
                          groups,
                          department))
              .collect(Collectors.joining(", "));
      chunks(
          jdbc,
          "insert into "
              + table.getKey()
              + " ("
              + String.join(", ", columns)
              + ") select "
              + select
              + " from "
              + table.getKey()
              + " t, generate_series(?, ?) g where "
              + table.getValue());
    }

    long camundaHistory = 0;
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_name like 'act\\_hi\\_%'",
            String.class)) {
      camundaHistory += jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
    long events = jdbc.queryForObject("select count(*) from item_event", Long.class);
    long missing = HISTORY - camundaHistory - events;
    if (missing > 0) {
      // Duban's item history: monthly check-ins and light changes of the copied items
      jdbc.update(
          "insert into item_event (work_item_id, task_book_id, occurred_at, actor, kind, detail)"
              + " select "
              + firstItem
              + " + 1 + (g % "
              + TASKS
              + "), w.task_book_id, now() - g * interval '1 minute',"
              + " 'yiwu', case when g % 2 = 0 then 'CHECK_IN_SUBMITTED' else 'LIGHT_CHANGED' end, '基准历史'"
              + " from generate_series(1, ?) g, (select task_book_id from work_item where id = ?) w",
          missing,
          templateItem);
      events += missing;
    }
    long open = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
    Map<String, Long> visible = new java.util.LinkedHashMap<>();
    for (String user : List.of(HEAD, STAFF)) {
      List<String> userGroups = new ArrayList<>(groups(jdbc, user));
      String in = userGroups.stream().map(gr -> "'" + gr + "'").collect(Collectors.joining(","));
      visible.put(
          user,
          jdbc.queryForObject(
              "select count(distinct t.id_) from act_ru_task t"
                  + " left join act_ru_identitylink l on l.task_id_ = t.id_"
                  + " where t.assignee_ = ? or (l.type_ = 'candidate' and (l.group_id_ in ("
                  + in
                  + ") or l.user_id_ = ?))",
              Long.class,
              user,
              user));
    }
    return new Seeded(
        open,
        camundaHistory + events,
        camundaHistory,
        events,
        template.get("key") + " of instance " + instance,
        visible);
  }

  private static String expression(
      String table,
      String column,
      String type,
      List<String> columns,
      String idArray,
      String instance,
      String item,
      String groups,
      String department) {
    String c = "t." + column;
    if (column.startsWith("super_")) {
      return "null";
    }
    if (column.equals("root_proc_inst_id_")) {
      return copy("'" + instance + "'");
    }
    if (column.equals("business_key_")) {
      return "'item-' || " + item;
    }
    if (column.equals("group_id_")) {
      return "case when "
          + c
          + " like 'dept\\_%' then (array["
          + groups
          + "])["
          + department
          + "] else "
          + c
          + " end";
    }
    if (column.equals("assignee_")
        && (table.equals("act_ru_task") || table.equals("act_hi_taskinst"))) {
      return "case when g % 100 = 0 then '" + STAFF + "' else " + c + " end";
    }
    if (column.equals("create_time_") && table.equals("act_ru_task")) {
      return c + " - g * interval '1 second'";
    }
    if (columns.contains("name_") && column.equals("long_")) {
      return "case when t.name_ = 'workItemId' then " + item + " else " + c + " end";
    }
    if (columns.contains("name_") && column.equals("text_")) {
      return "case when t.name_ = 'workItemId' and "
          + c
          + " is not null then ("
          + item
          + ")::text else "
          + c
          + " end";
    }
    if (type.startsWith("character")) {
      return "case when " + c + " in (" + idArray + ") then " + copy(c) + " else " + c + " end";
    }
    return c;
  }

  /** The copy's id: the template's id with the copy's number, within the engine's 64 characters. */
  private static String copy(String id) {
    return "left(" + id + ", 57) || '-' || to_hex(g)";
  }

  private static void chunks(JdbcTemplate jdbc, String sql) {
    for (int from = 1; from <= TASKS; from += CHUNK) {
      jdbc.update(sql, from, Math.min(TASKS, from + CHUNK - 1));
    }
  }

  private static List<String> columns(JdbcTemplate jdbc, String table) {
    return jdbc.queryForList(
        "select column_name from information_schema.columns where table_schema = current_schema()"
            + " and table_name = ? and (is_generated = 'NEVER' or is_generated is null) order by ordinal_position",
        String.class,
        table);
  }

  private static Map<String, String> types(JdbcTemplate jdbc, String table) {
    Map<String, String> types = new java.util.HashMap<>();
    jdbc.query(
        "select column_name, data_type from information_schema.columns where table_schema = current_schema()"
            + " and table_name = ?",
        row -> {
          types.put(row.getString(1), row.getString(2));
        },
        table);
    return types;
  }

  /** The person's engine groups as Duban computes them: role_<role>, dept_<code>, and duban-app on pages. */
  private static List<String> groups(JdbcTemplate jdbc, String username) {
    List<String> groups =
        new ArrayList<>(
            jdbc.queryForList(
                "select 'role_' || lower(r.role) from person p join person_role r on r.person_id = p.id where p.username = ?",
                String.class,
                username));
    groups.addAll(
        jdbc.queryForList(
            "select 'dept_' || d.code from person p join department d on d.id = p.department_id where p.username = ?",
            String.class,
            username));
    return groups;
  }

  // ---------------------------------------------------------------- measuring

  private String timeHttp(String what, HttpBrowser client, String path) throws Exception {
    String load = BenchmarkMachine.load();
    for (int i = 0; i < WARM_UP; i++) {
      check(client.get(path));
    }
    long[] nanos = new long[REQUESTS];
    int rows = 0;
    for (int i = 0; i < REQUESTS; i++) {
      long start = System.nanoTime();
      HttpResponse<String> page = client.get(path);
      nanos[i] = System.nanoTime() - start;
      rows = check(page);
    }
    return printed(row(what + ", " + rows + " rows shown", nanos, load));
  }

  private static final Pattern ROW = Pattern.compile("data-task-key=");

  private static int check(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher rows = ROW.matcher(page.body());
    int count = 0;
    while (rows.find()) {
      count++;
    }
    return count;
  }

  private String timeQuery(
      String what,
      ProcessEngine engine,
      String user,
      List<String> groups,
      boolean checked,
      int requests) {
    String load = BenchmarkMachine.load();
    List<String> pageGroups = new ArrayList<>(groups);
    pageGroups.add("duban-app");
    if (checked) {
      engine.getIdentityService().setAuthentication(user, pageGroups);
    }
    TaskService tasks = engine.getTaskService();
    try {
      long[] nanos = new long[requests];
      int size = 0;
      for (int i = checked ? -1 : -WARM_UP; i < requests; i++) {
        long start = System.nanoTime();
        size =
            tasks
                .createTaskQuery()
                .or()
                .taskAssignee(user)
                .taskCandidateGroupIn(groups)
                .taskCandidateUser(user)
                .endOr()
                .active()
                .orderByTaskCreateTime()
                .desc()
                .listPage(0, 51)
                .size();
        if (i >= 0) {
          nanos[i] = System.nanoTime() - start;
        }
      }
      return printed(row(what + ", " + size + " tasks, " + requests + " runs", nanos, load));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static String printed(String row) {
    System.out.println("measured: " + row);
    return row;
  }

  private static String row(String what, long[] nanos, String load) {
    Arrays.sort(nanos);
    return String.format(
        "| %s | %,.1f ms | %,.1f ms | %,.1f ms | %s |",
        what,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6,
        nanos[nanos.length - 1] / 1e6,
        load);
  }

  /**
   * Four clients reading inboxes at once for 60 seconds while resident size and heap are sampled.
   */
  private void underLoad(AppProcess app, HttpBrowser head, HttpBrowser staff) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Integer>> done = new ArrayList<>();
    List<HttpBrowser> users =
        List.of(
            head,
            staff,
            new HttpBrowser(app.baseUrl()).logIn(HEAD, "duban123"),
            new HttpBrowser(app.baseUrl()).logIn(STAFF, "duban123"));
    for (HttpBrowser client : users) {
      done.add(
          clients.submit(
              () -> {
                int n = 0;
                while (!stop.get()) {
                  check(client.get(n % 3 == 2 ? "/tasks?page=" + (n % 40) : "/tasks"));
                  n++;
                }
                return n;
              }));
    }
    long peakRss = 0;
    long peakHeap = 0;
    long end = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < end) {
      Thread.sleep(2_000);
      peakRss = Math.max(peakRss, app.residentKb());
      peakHeap = Math.max(peakHeap, heap(app.pid())[0]);
    }
    stop.set(true);
    int requests = 0;
    for (Future<Integer> f : done) {
      requests += f.get();
    }
    clients.shutdown();
    memory.add(
        String.format(
            "| under load: 4 clients on /tasks for 60 s (%,d requests), peak of samples every 2 s"
                + " | %,d MiB | %,d MiB | | %s |",
            requests, peakRss / 1024, peakHeap / 1024, BenchmarkMachine.load()));
    memory("after the load", app);
  }

  private void memory(String when, AppProcess app) {
    long[] heap = heap(app.pid());
    memory.add(
        String.format(
            "| %s | %,d MiB | %,d MiB | %,d MiB | %s |",
            when,
            app.residentKb() / 1024,
            heap[0] / 1024,
            heap[1] / 1024,
            BenchmarkMachine.load()));
  }

  private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  /**
   * Heap used and committed in kB, from jcmd GC.heap_info (the generations' totals, not metaspace).
   */
  private static long[] heap(long pid) {
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  String.valueOf(pid),
                  "GC.heap_info")
              .redirectErrorStream(true)
              .start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor();
      long used = 0;
      long total = 0;
      for (String line : out.split("\n")) {
        Matcher m = USED.matcher(line);
        if (m.find() && !line.contains("Metaspace") && !line.contains("class space")) {
          total += Long.parseLong(m.group(1));
          used += Long.parseLong(m.group(2));
        }
      }
      return new long[] {used, total};
    } catch (IOException e) {
      return new long[] {-1, -1};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new long[] {-1, -1};
    }
  }

  private static ProcessEngine engine(HikariDataSource dataSource) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("inbox-benchmark");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(false);
    return configuration.buildProcessEngine();
  }
}
