package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.TestClock;
import org.duban.calendar.WorkCalendar;
import org.duban.task.StepDeadlineSettings;
import org.duban.task.StepDeadlines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shared set-up of the process tests: the engine from {@code camunda.cfg.xml}, the clock (through
 * {@link TestClock}, as every test moves it) and fakes for the beans named in {@code
 * docs/processes.md}, registered with {@link Mocks} under the same names as the Spring beans.
 */
public abstract class ProcessTestSupport {

  /**
   * One extension per test instance: the extension clears its service references after each class,
   * so a static instance shared by several test classes would break. The engine itself is cached by
   * config file.
   */
  @RegisterExtension final ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

  ProcessEngine processEngine;

  @BeforeEach
  void initAssertions() {
    processEngine = engine.getProcessEngine();
    BpmnAwareTests.init(processEngine);
    // the deadlines of waiting human steps, with the shipped calendar and the default settings
    Mocks.register(
        "stepDeadlines",
        new StepDeadlines(WorkCalendar.fromSeed(), StepDeadlineSettings.defaults()));
  }

  @AfterEach
  void resetClockAndMocks() {
    TestClock.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  // ------------------------------------------------------------------ clock

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant());
  }

  static void setClock(Date now) {
    TestClock.at(now);
  }

  static Date now() {
    return TestClock.now();
  }

  static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
  }

  // ------------------------------------------------------------------ queries

  /**
   * The task again, queried with its form reference initialized (forms are only resolved on
   * request).
   */
  Task taskWithForm(String taskId) {
    return processEngine
        .getTaskService()
        .createTaskQuery()
        .taskId(taskId)
        .initializeFormKeys()
        .singleResult();
  }

  void assertForm(Task task, String formId) {
    CamundaFormRef ref = taskWithForm(task.getId()).getCamundaFormRef();
    assertThat(ref).as("form of %s", task.getTaskDefinitionKey()).isNotNull();
    assertThat(ref.getKey()).isEqualTo(formId);
    assertThat(ref.getBinding()).isEqualTo("deployment");
  }

  List<Task> tasks(String processInstanceId, String taskDefinitionKey) {
    return processEngine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey)
        .list();
  }

  List<String> candidateGroups(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
  }

  List<String> candidateUsers(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
        .map(link -> link.getUserId())
        .toList();
  }

  Job timerJob(String processInstanceId, String activityId) {
    return processEngine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(activityId)
        .timers()
        .singleResult();
  }

  // ------------------------------------------------------------------ fakes

  /** A delegate that records every call (a copy of the variables it sees) and may run an action. */
  static final class RecordingDelegate implements JavaDelegate {
    final List<Map<String, Object>> calls = new ArrayList<>();
    private final Consumer<DelegateExecution> action;

    RecordingDelegate() {
      this(execution -> {});
    }

    RecordingDelegate(Consumer<DelegateExecution> action) {
      this.action = action;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Map<String, Object> seen = new HashMap<>(execution.getVariables());
      seen.put("@businessKey", execution.getProcessBusinessKey());
      calls.add(seen);
      action.accept(execution);
    }

    List<Object> values(String variable) {
      return calls.stream().map(call -> call.get(variable)).toList();
    }
  }

  static RecordingDelegate registerDelegate(String beanName) {
    return registerDelegate(beanName, new RecordingDelegate());
  }

  static RecordingDelegate registerDelegate(String beanName, RecordingDelegate delegate) {
    Mocks.register(beanName, delegate);
    return delegate;
  }

  /** Stands in for the {@code workItemRouting} bean. */
  public static final class FakeWorkItemRouting {
    final Map<Long, String> leadGroups = new HashMap<>();
    final Map<Long, String> leaders = new HashMap<>();
    final Map<Long, List<Long>> subTasks = new HashMap<>();
    final Map<Long, String> subTaskAssignees = new HashMap<>();
    final Map<Long, List<String>> subTaskGroups = new HashMap<>();

    public String leadGroup(Long workItemId) {
      return leadGroups.get(workItemId);
    }

    public String leaderInCharge(Long workItemId) {
      return leaders.get(workItemId);
    }

    public Collection<Long> subTaskIds(Long workItemId) {
      return subTasks.getOrDefault(workItemId, List.of());
    }

    public String subTaskAssignee(Long subTaskId) {
      return subTaskAssignees.get(subTaskId);
    }

    public Collection<String> subTaskGroups(Long subTaskId) {
      return subTaskGroups.getOrDefault(subTaskId, List.of());
    }
  }

  static FakeWorkItemRouting registerWorkItemRouting() {
    FakeWorkItemRouting routing = new FakeWorkItemRouting();
    Mocks.register("workItemRouting", routing);
    return routing;
  }

  /**
   * Stands in for the {@code taskBookRouting} bean; a book signs when it has signing groups or
   * users.
   */
  public static final class FakeTaskBookRouting {
    final Map<Long, List<Long>> items = new HashMap<>();
    final Map<Long, List<String>> signingGroups = new HashMap<>();
    final Map<Long, List<String>> signingUsers = new HashMap<>();

    public Collection<Long> itemIds(Long taskBookId) {
      return items.getOrDefault(taskBookId, List.of());
    }

    public boolean needsSigning(Long taskBookId) {
      return !signingGroups(taskBookId).isEmpty() || !signingUsers(taskBookId).isEmpty();
    }

    public Collection<String> signingGroups(Long taskBookId) {
      return signingGroups.getOrDefault(taskBookId, List.of());
    }

    public Collection<String> signingUsers(Long taskBookId) {
      return signingUsers.getOrDefault(taskBookId, List.of());
    }
  }

  /**
   * Stands in for {@code checkInRound} and {@code supervisionSweep}: both offer {@code
   * openItemIds()}.
   */
  public static final class FakeOpenItems {
    final List<Long> ids = new ArrayList<>();

    public Collection<Long> openItemIds() {
      return List.copyOf(ids);
    }
  }

  static FakeOpenItems registerOpenItems(String beanName, Long... ids) {
    FakeOpenItems items = new FakeOpenItems();
    items.ids.addAll(List.of(ids));
    Mocks.register(beanName, items);
    return items;
  }
}
