package org.duban.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.book.BookLevel;
import org.duban.book.GoalArea;
import org.duban.book.IndicatorDirection;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemFormData;
import org.duban.infrastructure.EngineClock;
import org.duban.light.WeeklySupervisionService;
import org.duban.org.Department;
import org.duban.org.DepartmentHeads;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.duban.task.WorkTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo hospital: departments, one person of every role, and an issued task book whose items stand
 * at different stages. Everything goes through the same services and processes a user would drive,
 * so the demo is also a smoke test of the whole lifecycle.
 */
@Component
class DemoHospital {

  private static final Logger log = LoggerFactory.getLogger(DemoHospital.class);

  record DemoUser(
      String username, String fullName, String title, String department, Set<Role> roles) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("shuji", "王建国", "党委书记", "leaders", EnumSet.of(Role.LEADER)),
          new DemoUser("yuanzhang", "李明华", "院长", "leaders", EnumSet.of(Role.LEADER)),
          new DemoUser("fuyuanzhang", "陈志强", "分管医疗副院长", "leaders", EnumSet.of(Role.LEADER)),
          new DemoUser("ducha", "刘芳", "督查室主任", "supervision", EnumSet.of(Role.SUPERVISION)),
          new DemoUser("yiwu", "赵刚", "医务部主任", "medical", EnumSet.of(Role.DEPT_HEAD)),
          new DemoUser("yiwu01", "孙丽", "医务部干事", "medical", EnumSet.of(Role.STAFF)),
          new DemoUser("huli", "周敏", "护理部主任", "nursing", EnumSet.of(Role.DEPT_HEAD)),
          new DemoUser("keyan", "吴磊", "科研处处长", "research", EnumSet.of(Role.DEPT_HEAD)),
          new DemoUser("dangban", "郑洁", "党委办公室主任", "party", EnumSet.of(Role.DEPT_HEAD)),
          new DemoUser("renli", "何静", "人力资源部主任", "hr", EnumSet.of(Role.DEPT_HEAD)),
          new DemoUser("xinxi", "钱伟", "信息中心主任", "it", EnumSet.of(Role.DEPT_HEAD)),
          new DemoUser("yaoxue", "林峰", "药学部主任", "pharmacy", EnumSet.of(Role.DEPT_HEAD)),
          new DemoUser("xinnei", "冯涛", "心血管内科主任", "cardiology", EnumSet.of(Role.DEPT_HEAD)),
          new DemoUser("admin", "系统管理员", "信息中心工程师", "it", EnumSet.of(Role.ADMIN)));

  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final PasswordEncoder passwordEncoder;
  private final EngineIdentitySync identitySync;
  private final TaskBookService taskBooks;
  private final WorkTasks workTasks;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final WeeklySupervisionService supervision;
  private final UserDetailsService userDetails;
  private final DepartmentHeads heads;

  DemoHospital(
      DepartmentRepository departments,
      PersonRepository people,
      PasswordEncoder passwordEncoder,
      EngineIdentitySync identitySync,
      TaskBookService taskBooks,
      WorkTasks workTasks,
      TaskService taskService,
      RuntimeService runtimeService,
      WeeklySupervisionService supervision,
      UserDetailsService userDetails,
      DepartmentHeads heads) {
    this.departments = departments;
    this.people = people;
    this.passwordEncoder = passwordEncoder;
    this.identitySync = identitySync;
    this.taskBooks = taskBooks;
    this.workTasks = workTasks;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.supervision = supervision;
    this.userDetails = userDetails;
    this.heads = heads;
  }

  boolean isSeeded() {
    return departments.count() > 0;
  }

  /** One transaction: a crash half-way leaves nothing, and the next start seeds again. */
  @Transactional
  void seed(String password) {
    Map<String, Department> depts = seedDepartments();
    identitySync.syncGroups();
    String hash = passwordEncoder.encode(password);
    for (DemoUser user : USERS) {
      Person unsaved =
          new Person(
              user.username(),
              user.fullName(),
              user.title(),
              hash,
              depts.get(user.department()),
              user.roles());
      // closed when the application starts with the demo off (DemoAccounts)
      unsaved.markDemoAccount();
      Person person = people.save(unsaved);
      identitySync.syncPerson(person);
    }
    heads.nameHeadsFromRoles();
    seedTaskBook(depts);
    log.info("Demo hospital seeded");
  }

  private Map<String, Department> seedDepartments() {
    Map<String, Department> byCode = new LinkedHashMap<>();
    Object[][] rows = {
      {"leaders", "院领导班子", "院领导", DepartmentKind.LEADERSHIP},
      {"party", "党委办公室", "党办", DepartmentKind.FUNCTIONAL},
      {"supervision", "督查室", "督查室", DepartmentKind.SUPERVISION},
      {"medical", "医务部", "医务", DepartmentKind.FUNCTIONAL},
      {"nursing", "护理部", "护理", DepartmentKind.FUNCTIONAL},
      {"research", "科研处", "科研", DepartmentKind.FUNCTIONAL},
      {"hr", "人力资源部", "人事", DepartmentKind.FUNCTIONAL},
      {"it", "信息中心", "信息", DepartmentKind.FUNCTIONAL},
      {"pharmacy", "药学部", "药学", DepartmentKind.CLINICAL},
      {"cardiology", "心血管内科", "心内科", DepartmentKind.CLINICAL},
      {"surgery", "普通外科", "普外科", DepartmentKind.CLINICAL},
    };
    for (Object[] row : rows) {
      Department department =
          departments.save(
              new Department(
                  (String) row[0], (String) row[1], (String) row[2], (DepartmentKind) row[3]));
      byCode.put(department.getCode(), department);
    }
    return byCode;
  }

  private void seedTaskBook(Map<String, Department> depts) {
    CurrentUser secretary = user("shuji");
    // Dates relative to the first start, so the demo works whatever day it is seeded on.
    LocalDate today = EngineClock.today();
    // The book of the running year, so that it has begun whatever day the demo is seeded (in
    // December
    // too): its items are late in the year then, which the lights show as they would in a hospital.
    LocalDate yearEnd = LocalDate.of(today.getYear(), 12, 31);
    LocalDate subTaskDue = min(today.plusDays(14), yearEnd);
    LocalDate earlierDeadline = max(min(today.plusDays(14), yearEnd), yearEnd.minusDays(15));
    TaskBookFormData bookData = new TaskBookFormData();
    bookData.setTitle(yearEnd.getYear() + "年度医院重点工作目标任务书");
    bookData.setYear(yearEnd.getYear());
    LocalDate periodStart = LocalDate.of(yearEnd.getYear(), 1, 1);
    bookData.setPeriodStart(periodStart);
    bookData.setPeriodEnd(yearEnd);
    bookData.setGoalAreas("党建引领、学科建设、人才队伍、医疗服务");
    TaskBook book = taskBooks.createDraft(bookData, secretary);
    Map<String, Long> areas = new HashMap<>();
    for (GoalArea area : book.getGoalAreas()) {
      areas.put(area.getName(), area.getId());
    }
    Long leader = people.findByUsername("fuyuanzhang").orElseThrow().getId();
    Long secretaryId = secretary.personId();

    List<WorkItem> items = new ArrayList<>();
    items.add(
        item(
            book,
            secretary,
            areas.get("医疗服务"),
            "1",
            "缩短平均住院日，推进日间手术和床位统筹",
            "平均住院日≤6.5天",
            depts.get("medical"),
            List.of(depts.get("nursing"), depts.get("it")),
            leader,
            yearEnd,
            "平均住院日",
            "天",
            IndicatorDirection.LE,
            "7.2",
            "6.5"));
    items.add(
        item(
            book,
            secretary,
            areas.get("医疗服务"),
            "2",
            "改善就医体验，开展门诊“一站式”服务",
            "门诊患者满意度>98%",
            depts.get("nursing"),
            List.of(),
            leader,
            earlierDeadline,
            "门诊患者满意度",
            "%",
            IndicatorDirection.GT,
            "96.5",
            "98"));
    items.add(
        item(
            book,
            secretary,
            areas.get("学科建设"),
            "3",
            "争取国家级科研项目立项",
            "获批国家级科研项目3-5项",
            depts.get("research"),
            List.of(depts.get("cardiology")),
            leader,
            yearEnd,
            "国家级科研项目",
            "项",
            IndicatorDirection.GE,
            "2",
            "3"));
    items.add(
        item(
            book,
            secretary,
            areas.get("党建引领"),
            "4",
            "推进党支部标准化规范化建设",
            "临床医技科室党支部全覆盖，创建样板支部2个",
            depts.get("party"),
            List.of(),
            secretaryId,
            yearEnd,
            null,
            null,
            null,
            null,
            null));
    items.add(
        item(
            book,
            secretary,
            areas.get("人才队伍"),
            "5",
            "引进高层次人才",
            "全年招聘博士16人",
            depts.get("hr"),
            List.of(depts.get("research")),
            secretaryId,
            yearEnd,
            "引进博士",
            "人",
            IndicatorDirection.GE,
            "0",
            "16"));
    items.add(
        item(
            book,
            secretary,
            areas.get("医疗服务"),
            "6",
            "控制药品费用不合理增长",
            "药占比<25%",
            depts.get("pharmacy"),
            List.of(depts.get("medical")),
            leader,
            yearEnd,
            "药占比",
            "%",
            IndicatorDirection.LT,
            "27.3",
            "25"));

    complete(book.getProcessInstanceId(), "draftTaskBook", "shuji", Map.of());
    complete(
        book.getProcessInstanceId(),
        "reviewTaskBook",
        "yuanzhang",
        Map.of("reviewDecision", "approve", "reviewComment", "同意下达"));

    // 1: claimed, broken down, staff report in progress
    String i1 = businessKey(items.get(0));
    complete(i1, "claimItem", "yiwu", Map.of("claimDecision", "claim"));
    complete(
        i1,
        "breakDownItem",
        "yiwu",
        Map.of(
            "subTasks",
            List.of(
                row("制定日间手术病种目录", "user:yiwu01", subTaskDue),
                row("床位统筹信息化改造", "dept:" + depts.get("it").getId(), subTaskDue))));
    // 2: the whole department path, accepted and closed
    String i2 = businessKey(items.get(1));
    complete(i2, "claimItem", "huli", Map.of("claimDecision", "claim"));
    complete(
        i2,
        "breakDownItem",
        "huli",
        Map.of("subTasks", List.of(row("门诊导诊流程再造", "user:huli", subTaskDue))));
    complete(i2, "doSubTask", "huli", Map.of("report", "已完成导诊流程再造并上线运行"));
    complete(
        i2, "submitCompletionReport", "huli", Map.of("completionSummary", "门诊满意度季度测评98.6%，达到目标"));
    complete(
        i2,
        "acceptItem",
        "shuji",
        Map.of("acceptDecision", "accept", "acceptanceComment", "达到验收标准"));
    // 3: reported complete, waiting for the issuer's acceptance
    String i3 = businessKey(items.get(2));
    complete(i3, "claimItem", "keyan", Map.of("claimDecision", "claim"));
    complete(
        i3,
        "breakDownItem",
        "keyan",
        Map.of("subTasks", List.of(row("组织国自然申报", "user:keyan", subTaskDue))));
    complete(i3, "doSubTask", "keyan", Map.of("report", "获批国家自然科学基金4项"));
    complete(i3, "submitCompletionReport", "keyan", Map.of("completionSummary", "本年度获批国家级项目4项"));
    // 4: claimed and broken down, but far behind
    String i4 = businessKey(items.get(3));
    complete(i4, "claimItem", "dangban", Map.of("claimDecision", "claim"));
    complete(
        i4,
        "breakDownItem",
        "dangban",
        Map.of("subTasks", List.of(row("支部标准化验收", "user:dangban", subTaskDue))));
    // 5 stays unclaimed; 6 is disputed and waits for the issuer
    complete(
        businessKey(items.get(5)),
        "claimItem",
        "yaoxue",
        Map.of("claimDecision", "dispute", "disputeReason", "药占比控制涉及临床用药，建议由医务部牵头"));

    // a monthly round, with check-ins from some departments
    runtimeService.startProcessInstanceByKey("monthlyCheckIn");
    // one item on schedule, one far behind the time-elapsed expectation (序时进度)
    long expected =
        java.time.temporal.ChronoUnit.DAYS.between(periodStart, today)
            * 100
            / java.time.temporal.ChronoUnit.DAYS.between(periodStart, yearEnd);
    checkIn(
        items.get(0), "yiwu", (int) Math.min(100, expected + 3), "6.6", "日间手术病种扩展至42个，平均住院日6.6天");
    checkIn(
        items.get(3), "dangban", (int) Math.max(0, expected - 40), null, "已完成12个支部的标准化自查，样板支部创建滞后");

    supervision.runToEnd("system"); // lights and escalations are there when the seed commits

    seedDepartmentBook(book, items.get(0), depts, bookData, leader);
  }

  /** 医务部's own book breaking down item 1, issued and waiting for its head to sign it. */
  private void seedDepartmentBook(
      TaskBook parent,
      WorkItem parentItem,
      Map<String, Department> depts,
      TaskBookFormData parentData,
      Long leader) {
    CurrentUser secretary = user("shuji");
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(parentData.getYear() + "年度医务部目标责任书");
    data.setYear(parentData.getYear());
    data.setPeriodStart(parentData.getPeriodStart());
    data.setPeriodEnd(parentData.getPeriodEnd());
    data.setGoalAreas("医疗服务");
    data.setLevel(BookLevel.DEPARTMENT);
    data.setParentId(parent.getId());
    data.setResponsibleDepartmentId(depts.get("medical").getId());
    TaskBook book = taskBooks.createDraft(data, secretary);
    WorkItemFormData item = new WorkItemFormData();
    item.setGoalAreaId(book.getGoalAreas().get(0).getId());
    item.setParentItemId(parentItem.getId());
    item.setSeq("1.1");
    item.setTitle("扩大日间手术病种范围");
    item.setTargetText("日间手术病种不少于50个");
    item.setLeadDepartmentId(depts.get("medical").getId());
    item.setLeaderInChargeId(leader);
    item.setDeadline(parentData.getPeriodEnd());
    taskBooks.addItem(book.getId(), item, secretary);
    complete(book.getProcessInstanceId(), "draftTaskBook", "shuji", Map.of());
    complete(
        book.getProcessInstanceId(),
        "reviewTaskBook",
        "yuanzhang",
        Map.of("reviewDecision", "approve"));
  }

  private WorkItem item(
      TaskBook book,
      CurrentUser issuer,
      Long areaId,
      String seq,
      String title,
      String target,
      Department lead,
      List<Department> collaborators,
      Long leaderId,
      LocalDate deadline,
      String indicator,
      String unit,
      IndicatorDirection direction,
      String baseline,
      String targetValue) {
    WorkItemFormData data = new WorkItemFormData();
    data.setGoalAreaId(areaId);
    data.setSeq(seq);
    data.setTitle(title);
    data.setTargetText(target);
    data.setLeadDepartmentId(lead.getId());
    data.setCollaboratorIds(collaborators.stream().map(Department::getId).toList());
    data.setLeaderInChargeId(leaderId);
    data.setDeadline(deadline);
    // the year's work began with the year (a sheet's 开始时间): 序时进度 runs from 1 January, not from the
    // seed
    data.setStartDate(book.getPeriodStart());
    data.setAcceptanceCriteria("以年度统计数据和佐证材料为准");
    if (indicator != null) {
      data.setIndicatorName(indicator);
      data.setIndicatorUnit(unit);
      data.setIndicatorDirection(direction);
      data.setIndicatorBaseline(new BigDecimal(baseline));
      data.setIndicatorTarget(new BigDecimal(targetValue));
    }
    return taskBooks.addItem(book.getId(), data, issuer);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static Map<String, Object> row(String title, String assignee, LocalDate due) {
    Map<String, Object> row = new HashMap<>();
    row.put("title", title);
    row.put("assignee", assignee);
    row.put("dueDate", due);
    return row;
  }

  private static String businessKey(WorkItem item) {
    return "item-" + item.getId();
  }

  private void checkIn(
      WorkItem item, String username, int percent, String reading, String narrative) {
    for (Task task : taskService.createTaskQuery().taskDefinitionKey("submitCheckIn").list()) {
      Object workItemId = taskService.getVariable(task.getId(), "workItemId");
      if (item.getId().equals(workItemId)) {
        Map<String, Object> values = new HashMap<>();
        values.put("percentDone", BigDecimal.valueOf(percent));
        values.put("narrative", narrative);
        if (reading != null) {
          values.put("readings", List.of(Map.of("value", new BigDecimal(reading))));
        }
        workTasks.complete(task.getId(), values, user(username));
        return;
      }
    }
    throw new IllegalStateException("no check-in task for item " + item.getId());
  }

  /** Completes the one open task of that key in the instance (by id or business key). */
  private void complete(
      String instanceOrBusinessKey, String taskKey, String username, Map<String, Object> values) {
    Task task =
        taskService
            .createTaskQuery()
            .or()
            .processInstanceId(instanceOrBusinessKey)
            .processInstanceBusinessKey(instanceOrBusinessKey)
            .endOr()
            .taskDefinitionKey(taskKey)
            .listPage(0, 1)
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no task " + taskKey + " in " + instanceOrBusinessKey));
    workTasks.complete(task.getId(), values, user(username));
  }

  private CurrentUser user(String username) {
    return (CurrentUser) userDetails.loadUserByUsername(username);
  }
}
