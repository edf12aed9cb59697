package org.duban.task;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.duban.org.Department;
import org.duban.org.DepartmentHeads;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a user task: the one rule behind both the inbox (it restricts the inbox's
 * query with {@link #restrict}) and every action on a task ({@link #mayWorkOn}, {@link #refusal}),
 * so that the inbox never offers what the person may not do.
 *
 * <ul>
 *   <li>An assigned task is its assignee's.
 *   <li>An unassigned task is open to its candidate users and the members of its candidate groups;
 *       but a step a department takes through its head or deputies ({@link #LEADERS_ONLY}: claim or
 *       dispute, break down, report completion, the rectification plan, sign, accept its score or
 *       appeal) is open through a department's group only to that department's leaders ({@link
 *       DepartmentHeads#groupsLedBy}); staff see sub-tasks, check-ins and evidence.
 *   <li>Whoever drafted a book (the process's {@code issuer}) never reviews it ({@link
 *       #NOT_FOR_DRAFTER}).
 * </ul>
 */
@Component
public class TaskAccess {

  /**
   * Steps a department takes through its head or deputies only (task definition keys of
   * processes/).
   */
  static final Set<String> LEADERS_ONLY =
      Set.of(
          "claimItem",
          "breakDownItem",
          "submitCompletionReport",
          "submitRectificationPlan",
          "signTaskBook",
          "reviewScore");

  /** Steps the drafter of the book may not take: separation of duties. */
  static final Set<String> NOT_FOR_DRAFTER = Set.of("reviewTaskBook");

  /** The process variable naming who drafted the book (the issuance process's starter). */
  static final String DRAFTER = "issuer";

  /** Why a person may not act on a task; each has a message in the bundles. */
  public enum Refusal {
    NOT_YOURS("task.notAllowed"),
    LEADERS_ONLY("task.notAllowed.leadersOnly"),
    OWN_DRAFT("task.notAllowed.ownDraft");

    private final String messageKey;

    Refusal(String messageKey) {
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  /**
   * What a person reaches: their username, their groups, and the groups of the departments they
   * lead.
   */
  record Reach(String username, Set<String> groups, Set<String> ledGroups) {

    /**
     * Groups through which every step is open: the person's role groups and the departments they
     * lead.
     */
    List<String> fullGroups() {
      Set<String> full = new LinkedHashSet<>(ledGroups);
      groups.stream().filter(g -> !isDepartmentGroup(g)).forEach(full::add);
      return List.copyOf(full);
    }

    List<String> allGroups() {
      Set<String> all = new LinkedHashSet<>(groups);
      all.addAll(ledGroups);
      return List.copyOf(all);
    }
  }

  private final TaskService taskService;
  private final DepartmentHeads heads;

  TaskAccess(TaskService taskService, DepartmentHeads heads) {
    this.taskService = taskService;
    this.heads = heads;
  }

  Reach reachOf(CurrentUser user) {
    return new Reach(
        user.getUsername(), Set.copyOf(user.groupIds()), heads.groupsLedBy(user.personId()));
  }

  public boolean mayWorkOn(Task task, CurrentUser user) {
    return refusal(task, user) == null;
  }

  /** Why the user may not act on the task, or null when they may. */
  public Refusal refusal(Task task, CurrentUser user) {
    Reach reach = reachOf(user);
    if (NOT_FOR_DRAFTER.contains(task.getTaskDefinitionKey())
        && reach.username().equals(taskService.getVariable(task.getId(), DRAFTER))) {
      return Refusal.OWN_DRAFT;
    }
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(reach.username()) ? null : Refusal.NOT_YOURS;
    }
    return candidacy(task, reach);
  }

  /**
   * Whether the user is among those the task is open to while unassigned (to give it back to them).
   */
  boolean isCandidate(Task task, CurrentUser user) {
    return candidacy(task, reachOf(user)) == null;
  }

  private Refusal candidacy(Task task, Reach reach) {
    boolean leadersOnly = LEADERS_ONLY.contains(task.getTaskDefinitionKey());
    boolean member = false;
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (reach.username().equals(link.getUserId())) {
        return null;
      }
      String group = link.getGroupId();
      if (group == null) {
        continue;
      }
      if (reach.fullGroups().contains(group) || (!leadersOnly && reach.groups().contains(group))) {
        return null;
      }
      member |= reach.groups().contains(group);
    }
    return member ? Refusal.LEADERS_ONLY : Refusal.NOT_YOURS;
  }

  /**
   * Restricts a task query to the tasks {@link #refusal} lets the user act on (the same rule in
   * SQL): (assigned to them, or open to them by name or through one of their groups) and (not a
   * leaders' step, or open to them by name or through a role group or a department they lead) and
   * (not a review of a book they drafted).
   */
  TaskQuery restrict(TaskQuery query, CurrentUser user) {
    Reach reach = reachOf(user);
    query
        .or()
        .taskAssignee(reach.username())
        .taskCandidateUser(reach.username())
        .taskCandidateGroupIn(reach.allGroups())
        .endOr();
    // involvedUser: assigned to them or linked by name; not taskCandidateUser, which the engine
    // widens
    // to all the person's groups, the department's included
    var leaders =
        query
            .or()
            .taskDefinitionKeyNotIn(LEADERS_ONLY.toArray(String[]::new))
            .taskInvolvedUser(reach.username());
    if (!reach.fullGroups().isEmpty()) {
      leaders.taskCandidateGroupIn(reach.fullGroups());
    }
    leaders.endOr();
    query
        .or()
        .taskDefinitionKeyNotIn(NOT_FOR_DRAFTER.toArray(String[]::new))
        .processVariableValueNotEquals(DRAFTER, reach.username())
        .endOr();
    return query;
  }

  private static boolean isDepartmentGroup(String group) {
    return group.startsWith(Department.GROUP_PREFIX);
  }
}
