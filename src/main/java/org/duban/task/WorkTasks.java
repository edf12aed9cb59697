package org.duban.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditLog;
import org.duban.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The user tasks a person sees and works on, whatever process they come from. */
@Service
public class WorkTasks {

  private static final Logger log = LoggerFactory.getLogger(WorkTasks.class);

  static final String WORK_ITEM_ID = "workItemId";
  static final String TASK_BOOK_ID = "taskBookId";
  static final String SUB_TASK_ID = "subTaskId";

  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final TaskAccess access;
  private final TaskDecisions decisions;
  private final AllTaskSubjects subjects;
  private final AuditLog audit;
  private final TaskIds taskIds;
  private final IdentityService identityService;
  private final TransactionTemplate transactions;

  /** Null but in the concurrency tests, see {@link CompletionOverlap}. */
  private final CompletionOverlap overlap;

  WorkTasks(
      TaskService taskService,
      RepositoryService repositoryService,
      TaskAccess access,
      TaskDecisions decisions,
      AllTaskSubjects subjects,
      AuditLog audit,
      TaskIds taskIds,
      IdentityService identityService,
      PlatformTransactionManager transactionManager,
      ObjectProvider<CompletionOverlap> overlap) {
    this.overlap = overlap.getIfAvailable();
    this.identityService = identityService;
    this.transactions = new TransactionTemplate(transactionManager);
    this.audit = audit;
    this.taskIds = taskIds;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.access = access;
    this.decisions = decisions;
    this.subjects = subjects;
  }

  /** Tasks on one page of the inbox. */
  public static final int INBOX_PAGE_SIZE = 50;

  /** One page of the inbox, newest first; {@code hasNext} when older tasks follow. */
  public record InboxPage(List<TaskRow> rows, int page, boolean hasNext) {}

  /** The first page of {@link #inbox(CurrentUser, int)}. */
  @Transactional(readOnly = true)
  public List<TaskRow> inbox(CurrentUser user) {
    return inbox(user, 0).rows();
  }

  /**
   * Tasks assigned to the user, and unassigned tasks open to one of the user's groups or to the
   * user by name (e.g. signing a leader's responsibility book), as far as {@link TaskAccess} lets
   * the user act on them, one page at a time. A page costs the same few statements however many
   * tasks it shows and however many are open: the page of tasks, their ids, what they are about
   * ({@link TaskSubjects}) and their processes, each read at once.
   */
  @Transactional(readOnly = true)
  public InboxPage inbox(CurrentUser user, int page) {
    int first = Math.max(page, 0) * INBOX_PAGE_SIZE;
    List<Task> tasks =
        withoutEngineAuthorizationChecks(
            () ->
                // one more than a page tells whether a next page exists, without counting every
                // open task
                // TaskAccess's rule in SQL: only what the person may act on is offered
                access
                    .restrict(taskService.createTaskQuery(), user)
                    .active()
                    .orderByTaskCreateTime()
                    .desc()
                    // tasks created in the same millisecond need a fixed order, or pages repeat and
                    // skip them
                    .orderByTaskId()
                    .desc()
                    .listPage(first, INBOX_PAGE_SIZE + 1));
    boolean hasNext = tasks.size() > INBOX_PAGE_SIZE;
    if (hasNext) {
      tasks = tasks.subList(0, INBOX_PAGE_SIZE);
    }
    Map<String, TaskContext> contexts = taskIds.of(tasks.stream().map(Task::getId).toList());
    // what each task is about, from the features that own it (the book: items and books), read at
    // once
    Map<TaskContext, TaskSubject> about = subjects.of(contexts.values());
    Map<String, String> processKeys = new HashMap<>();
    Map<String, String> processNames = processNames(tasks, processKeys);
    List<TaskRow> rows = new ArrayList<>(tasks.size());
    for (Task task : tasks) {
      TaskContext context = contexts.get(task.getId());
      TaskSubject subject = about.get(context);
      rows.add(
          new TaskRow(
              task.getId(),
              task.getName(),
              processNames.get(task.getProcessDefinitionId()),
              subject == null ? "" : subject.label(),
              subject == null ? null : subject.link(),
              context.workItemId(),
              context.taskBookId(),
              task.getAssignee(),
              task.getCreateTime(),
              task.getDueDate(),
              processKeys.get(task.getProcessDefinitionId()),
              task.getTaskDefinitionKey()));
    }
    return new InboxPage(rows, Math.max(page, 0), hasNext);
  }

  /** The task, if the user may work on it; otherwise {@link TaskNotAllowed}. */
  @Transactional(readOnly = true)
  public Task open(String taskId, CurrentUser user) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new TaskGone(taskId);
    }
    TaskAccess.Refusal refusal = access.refusal(task, user);
    if (refusal != null) {
      throw new TaskNotAllowed(taskId, refusal.messageKey());
    }
    return task;
  }

  @Transactional
  public void claim(String taskId, CurrentUser user) {
    Task task = open(taskId, user);
    if (task.getAssignee() == null) {
      taskService.claim(taskId, user.getUsername());
      log.info("task {} claimed by {}", taskId, user.getUsername());
      audit.record("task.claim", "task", taskId, null, TaskAudit.of(task, context(task), null));
    }
  }

  /** Gives a claimed group task back to its groups. */
  @Transactional
  public void unclaim(String taskId, CurrentUser user) {
    Task task = open(taskId, user);
    if (user.getUsername().equals(task.getAssignee()) && access.isCandidate(task, user)) {
      taskService.setAssignee(taskId, null);
      log.info("task {} returned to its groups by {}", taskId, user.getUsername());
      audit.record("task.unclaim", "task", taskId, null, TaskAudit.of(task, context(task), null));
    }
  }

  /**
   * Records the user's decision and completes the task, in one transaction: a rejected decision
   * changes nothing. When two people (or two tabs) complete the same task at once, one of them
   * wins; the other's transaction is rolled back whole, domain rows included, and they get {@link
   * TaskGone}, whatever the second one tripped over first: the engine's optimistic lock on the
   * task, a lock wait, the task already gone, or a domain row the first one wrote (a unique key, or
   * a rule such as "one check-in a month").
   */
  public void complete(String taskId, Map<String, Object> values, CurrentUser user) {
    try {
      transactions.executeWithoutResult(status -> completeNow(taskId, values, user));
    } catch (TaskGone | TaskNotAllowed e) {
      throw e;
    } catch (RuntimeException e) {
      if (TaskConflicts.isConcurrentUpdate(e) || isGone(taskId)) {
        log.info(
            "task {}: {} came second and recorded nothing ({})",
            taskId,
            user.getUsername(),
            e.toString());
        throw new TaskGone(taskId);
      }
      throw e;
    }
  }

  /** Whether the task is no longer open; false when that cannot be told (the database away). */
  boolean isGone(String taskId) {
    try {
      return taskService.createTaskQuery().taskId(taskId).count() == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void completeNow(String taskId, Map<String, Object> values, CurrentUser user) {
    Task task = open(taskId, user);
    if (overlap != null) {
      overlap.hold(taskId);
    }
    if (task.getAssignee() == null) {
      taskService.claim(taskId, user.getUsername());
    }
    TaskContext context = context(task);
    decisions.handlerFor(task.getTaskDefinitionKey()).complete(task, context, values, user);
    audit.record("task.complete", "task", taskId, null, TaskAudit.of(task, context, values));
    log.info(
        "task {} ({}) of instance {} completed by {}",
        taskId,
        task.getTaskDefinitionKey(),
        task.getProcessInstanceId(),
        user.getUsername());
  }

  public TaskContext context(Task task) {
    Map<String, Object> vars =
        taskService.getVariables(task.getId(), List.of(WORK_ITEM_ID, TASK_BOOK_ID, SUB_TASK_ID));
    return new TaskContext(
        asLong(vars.get(TASK_BOOK_ID)),
        asLong(vars.get(WORK_ITEM_ID)),
        asLong(vars.get(SUB_TASK_ID)));
  }

  private static Long asLong(Object value) {
    return value instanceof Number number ? number.longValue() : null;
  }

  /**
   * Runs an engine query as the system. On Duban's pages the engine sees the person with the
   * duban-app group, which is granted everything (Duban checks rights itself), so the engine's
   * authorization check cannot remove a row; yet on PostgreSQL it joins the authorization table
   * into the query and made the inbox of a department with 27,000 open tasks take 7 s instead of
   * 0.2 s (docs/benchmarks.md). The query itself only selects the person's own tasks.
   */
  private <T> T withoutEngineAuthorizationChecks(java.util.function.Supplier<T> query) {
    var current = identityService.getCurrentAuthentication();
    if (current == null) {
      return query.get();
    }
    identityService.clearAuthentication();
    try {
      return query.get();
    } finally {
      identityService.setAuthentication(current);
    }
  }

  private Map<String, String> processNames(List<Task> tasks, Map<String, String> keys) {
    Map<String, String> names = new HashMap<>();
    String[] ids =
        tasks.stream()
            .map(Task::getProcessDefinitionId)
            .filter(Objects::nonNull)
            .distinct()
            .toArray(String[]::new);
    if (ids.length > 0) {
      for (ProcessDefinition definition :
          repositoryService.createProcessDefinitionQuery().processDefinitionIdIn(ids).list()) {
        names.put(
            definition.getId(),
            definition.getName() != null ? definition.getName() : definition.getKey());
        keys.put(definition.getId(), definition.getKey());
      }
    }
    return names;
  }
}
