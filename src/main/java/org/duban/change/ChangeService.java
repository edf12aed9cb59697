package org.duban.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.book.DepartmentWorkService;
import org.duban.book.ItemRevisions;
import org.duban.book.ItemRevisions.ItemTerms;
import org.duban.book.LeadDepartmentHandover;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookStatus;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.duban.org.EmptyDepartments;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of an issued item (变更申请): proposed with a reason by the issuer or the lead department,
 * approved or rejected by the issuer in the {@code changeRequest} process, and applied by its
 * {@code applyChange} step, which writes a new version of the book.
 */
@Service
public class ChangeService {

  private static final Logger log = LoggerFactory.getLogger(ChangeService.class);

  public static final String PROCESS_KEY = "changeRequest";

  private final ChangeRequestRepository requests;
  private final WorkItemRepository workItems;
  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final RuntimeService runtimeService;
  private final ItemHistory history;
  private final BookVersions versions;
  private final LeadDepartmentHandover handover;
  private final EmptyDepartments emptyDepartments;
  private final DepartmentWorkService departmentWork;
  private final ItemRevisions revisions;

  ChangeService(
      ChangeRequestRepository requests,
      WorkItemRepository workItems,
      DepartmentRepository departments,
      PersonRepository people,
      RuntimeService runtimeService,
      ItemHistory history,
      BookVersions versions,
      LeadDepartmentHandover handover,
      EmptyDepartments emptyDepartments,
      DepartmentWorkService departmentWork,
      ItemRevisions revisions) {
    this.departmentWork = departmentWork;
    this.revisions = revisions;
    this.handover = handover;
    this.emptyDepartments = emptyDepartments;
    this.requests = requests;
    this.workItems = workItems;
    this.departments = departments;
    this.people = people;
    this.runtimeService = runtimeService;
    this.history = history;
    this.versions = versions;
  }

  /** The issuer, or anyone of the lead department, on an open item of an issued book. */
  public static boolean mayPropose(WorkItem item, CurrentUser user) {
    TaskBook book = item.getTaskBook();
    if (book.getStatus() != TaskBookStatus.ISSUED || !item.getStage().isOpen()) {
      return false;
    }
    return book.getIssuer().getUsername().equals(user.getUsername())
        || Objects.equals(item.getLeadDepartment().getId(), user.departmentId());
  }

  /** Whether the item page offers this user to propose a change. */
  @Transactional(readOnly = true)
  public boolean mayPropose(Long itemId, CurrentUser user) {
    return workItems.findById(itemId).map(item -> mayPropose(item, user)).orElse(false);
  }

  /** The item, if the user may propose a change of it; otherwise 403. */
  @Transactional(readOnly = true)
  public ChangeFormData currentTerms(Long itemId, CurrentUser user) {
    WorkItem item = proposable(itemId, user);
    ChangeFormData data = new ChangeFormData();
    data.setTitle(item.getTitle());
    data.setTargetText(item.getTargetText());
    data.setLeadDepartmentId(item.getLeadDepartment().getId());
    data.setLeaderInChargeId(item.getLeaderInCharge().getId());
    data.setDeadline(item.getDeadline());
    data.setAcceptanceCriteria(item.getAcceptanceCriteria());
    return data;
  }

  /**
   * Records the proposal (only the fields that differ) and starts its approval by the issuer.
   * Throws {@link UserError} and writes nothing when it changes nothing or a value is not allowed.
   */
  @Transactional
  public ChangeRequest propose(Long itemId, ChangeFormData data, CurrentUser user) {
    WorkItem item = proposable(itemId, user);
    TaskBook book = item.getTaskBook();
    if (requests.existsByWorkItemIdAndStatus(itemId, ChangeStatus.PROPOSED)) {
      throw UserError.at(null, "change.pending");
    }
    String reason = trimmed(data.getReason());
    if (reason.isEmpty()) {
      throw UserError.at("reason", "change.reason.required");
    }
    if (data.isCancelItem()) {
      // 撤销此事项: no field changes, only the reason; the terms on the form are not looked at
      ChangeRequest cancel =
          new ChangeRequest(book.getId(), itemId, reason, user.getUsername(), EngineClock.now());
      cancel.proposeCancel();
      return started(requests.save(cancel), book, itemId, user, reason);
    }
    String title = trimmed(data.getTitle());
    if (title.isEmpty()) {
      throw UserError.at("title", "change.title.required");
    }
    if (data.getDeadline() == null
        || data.getDeadline().isBefore(book.getPeriodStart())
        || data.getDeadline().isAfter(book.getPeriodEnd())) {
      throw UserError.at("deadline", "item.deadline.outsidePeriod");
    }
    Department lead =
        departments
            .findById(data.getLeadDepartmentId() == null ? -1L : data.getLeadDepartmentId())
            .filter(Department::isActive)
            .orElseThrow(() -> UserError.at("leadDepartmentId", "item.department.unknown"));
    if (!lead.getId().equals(item.getLeadDepartment().getId())
        && emptyDepartments.refusesWorkFor(lead.getId())) {
      // the item would move to a department nobody could act for
      throw UserError.at("leadDepartmentId", "change.leadDepartment.empty");
    }
    Person leader =
        people
            .findById(data.getLeaderInChargeId() == null ? -1L : data.getLeaderInChargeId())
            .filter(p -> p.isActive() && p.has(Role.LEADER))
            .orElseThrow(() -> UserError.at("leaderInChargeId", "item.leader.unknown"));

    ChangeRequest request =
        new ChangeRequest(book.getId(), itemId, reason, user.getUsername(), EngineClock.now());
    request.propose(
        title.equals(item.getTitle()) ? null : title,
        differingText(data.getTargetText(), item.getTargetText()),
        lead.getId().equals(item.getLeadDepartment().getId()) ? null : lead.getId(),
        leader.getId().equals(item.getLeaderInCharge().getId()) ? null : leader.getId(),
        data.getDeadline().equals(item.getDeadline()) ? null : data.getDeadline(),
        differingText(data.getAcceptanceCriteria(), item.getAcceptanceCriteria()));
    if (request.changesNothing()) {
      throw UserError.at(null, "change.nothingChanged");
    }
    return started(requests.save(request), book, itemId, user, reason);
  }

  private ChangeRequest started(
      ChangeRequest request, TaskBook book, Long itemId, CurrentUser user, String reason) {
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            PROCESS_KEY,
            "change-" + request.getId(),
            Map.of(
                "changeRequestId", request.getId(),
                "taskBookId", book.getId(),
                "issuer", book.getIssuer().getUsername(),
                "workItemId", itemId));
    request.startedProcess(instance.getId());
    history.itemEvent(itemId, book.getId(), user.getUsername(), EventKind.CHANGE_PROPOSED, reason);
    log.info(
        "change request {} of item {} proposed by {}", request.getId(), itemId, user.getUsername());
    return request;
  }

  /** The issuer approves: recorded here, applied by the process's {@code applyChange} step. */
  @Transactional
  void approve(Long requestId, String actor, String comment) {
    ChangeRequest request = toDecide(requestId, actor);
    request.decided(ChangeStatus.APPROVED, actor, comment, EngineClock.now());
    history.itemEvent(
        request.getWorkItemId(),
        request.getTaskBookId(),
        actor,
        EventKind.CHANGE_APPROVED,
        comment == null ? request.getReason() : comment);
  }

  /** The issuer rejects, with a comment; the item stays as it is. */
  @Transactional
  void reject(Long requestId, String actor, String comment) {
    ChangeRequest request = toDecide(requestId, actor);
    if (comment == null || comment.isBlank()) {
      throw UserError.at("changeComment", "decision.reasonRequired");
    }
    request.decided(ChangeStatus.REJECTED, actor, comment.trim(), EngineClock.now());
    history.itemEvent(
        request.getWorkItemId(),
        request.getTaskBookId(),
        actor,
        EventKind.CHANGE_REJECTED,
        comment.trim());
  }

  /**
   * Called by the process after approval: the item takes the proposed values and the book gets a
   * new version. Applying twice gives the same item and no second version.
   */
  @Transactional
  public void apply(Long requestId) {
    ChangeRequest request = requests.findById(requestId).orElseThrow(NotFound::new);
    if (request.getStatus() != ChangeStatus.APPROVED) {
      throw new IllegalStateException("change request " + requestId + " is " + request.getStatus());
    }
    WorkItem item = workItems.findById(request.getWorkItemId()).orElseThrow(NotFound::new);
    if (request.isProposedCancel()) {
      // the item's owner ends it, its work, its tasks and whatever escalation chases it
      boolean cancelled =
          departmentWork.cancel(item.getId(), request.getDecidedBy(), request.getReason());
      workItems.flush();
      int version =
          versions.record(request.getTaskBookId(), request.getReason(), request.getDecidedBy());
      log.info(
          "change request {} cancelled item {} ({}): book version {}",
          requestId,
          item.getId(),
          cancelled ? "done" : "already ended",
          version);
      return;
    }
    if (request.getProposedLeadDepartmentId() != null) {
      String oldGroup = item.getLeadDepartment().groupId();
      revisions.reassign(
          item.getId(),
          departments.findById(request.getProposedLeadDepartmentId()).orElseThrow(NotFound::new));
      handover.handOver(item.getId(), oldGroup, item.getLeadDepartment().groupId());
    }
    revisions.revise(
        item.getId(),
        new ItemTerms(
            request.getProposedTitle() == null ? item.getTitle() : request.getProposedTitle(),
            request.getProposedTargetText() == null
                ? item.getTargetText()
                : blankToNull(request.getProposedTargetText()),
            request.getProposedLeaderInChargeId() == null
                ? item.getLeaderInCharge()
                : people.findById(request.getProposedLeaderInChargeId()).orElseThrow(NotFound::new),
            request.getProposedDeadline() == null
                ? item.getDeadline()
                : request.getProposedDeadline(),
            request.getProposedAcceptanceCriteria() == null
                ? item.getAcceptanceCriteria()
                : blankToNull(request.getProposedAcceptanceCriteria())));
    workItems.flush();
    int version =
        versions.record(request.getTaskBookId(), request.getReason(), request.getDecidedBy());
    log.info(
        "change request {} applied to item {}: book version {}", requestId, item.getId(), version);
  }

  /** The proposal as the issuer reads it: who, why, and each field from → to. */
  @Transactional(readOnly = true)
  public String summary(Long requestId, Map<String, String> fieldNames) {
    ChangeRequest request = requests.findById(requestId).orElseThrow(NotFound::new);
    WorkItem item = workItems.findById(request.getWorkItemId()).orElseThrow(NotFound::new);
    String proposer =
        people
            .findByUsername(request.getProposedBy())
            .map(Person::getFullName)
            .orElse(request.getProposedBy());
    List<String> lines = new ArrayList<>();
    lines.add(item.getSeq() + " " + item.getTitle() + "（" + proposer + "）：" + request.getReason());
    if (request.isProposedCancel()) {
      lines.add(fieldNames.get("cancel") + "：" + fieldNames.get("cancelSummary"));
      return String.join("\n", lines);
    }
    line(lines, fieldNames.get("title"), item.getTitle(), request.getProposedTitle());
    line(lines, fieldNames.get("target"), item.getTargetText(), request.getProposedTargetText());
    if (request.getProposedLeadDepartmentId() != null) {
      line(
          lines,
          fieldNames.get("leadDepartment"),
          item.getLeadDepartment().getName(),
          departments
              .findById(request.getProposedLeadDepartmentId())
              .map(Department::getName)
              .orElse("?"));
    }
    if (request.getProposedLeaderInChargeId() != null) {
      line(
          lines,
          fieldNames.get("leader"),
          item.getLeaderInCharge().getFullName(),
          people
              .findById(request.getProposedLeaderInChargeId())
              .map(Person::getFullName)
              .orElse("?"));
    }
    line(
        lines,
        fieldNames.get("deadline"),
        String.valueOf(item.getDeadline()),
        request.getProposedDeadline() == null ? null : request.getProposedDeadline().toString());
    line(
        lines,
        fieldNames.get("acceptanceCriteria"),
        item.getAcceptanceCriteria(),
        request.getProposedAcceptanceCriteria());
    return String.join("\n", lines);
  }

  private static void line(List<String> lines, String name, String before, String after) {
    if (after != null) {
      lines.add(
          name
              + "："
              + (before == null || before.isBlank() ? "—" : before)
              + " → "
              + (after.isBlank() ? "—" : after));
    }
  }

  @Transactional(readOnly = true)
  public List<ChangeRequest> ofItem(Long itemId) {
    return requests.findByWorkItemIdOrderByIdAsc(itemId);
  }

  private ChangeRequest toDecide(Long requestId, String actor) {
    ChangeRequest request = requests.findById(requestId).orElseThrow(NotFound::new);
    WorkItem item = workItems.findById(request.getWorkItemId()).orElseThrow(NotFound::new);
    if (!item.getTaskBook().getIssuer().getUsername().equals(actor)) {
      throw UserError.at("changeDecision", "change.decide.notIssuer");
    }
    if (!request.isOpen()) {
      throw UserError.at("changeDecision", "change.decide.alreadyDecided");
    }
    return request;
  }

  private WorkItem proposable(Long itemId, CurrentUser user) {
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    if (!mayPropose(item, user)) {
      throw new AccessDeniedException(
          "user " + user.getUsername() + " may not propose a change of item " + itemId);
    }
    return item;
  }

  /** The new text if it differs from the current one (empty when cleared), else null. */
  private static String differingText(String proposed, String current) {
    String next = trimmed(proposed);
    String now = current == null ? "" : current;
    return next.equals(now) ? null : next;
  }

  private static String trimmed(String text) {
    return text == null ? "" : text.trim();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
