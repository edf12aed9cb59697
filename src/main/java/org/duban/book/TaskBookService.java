package org.duban.book;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemEvent;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafting, reviewing, issuing and closing task books. */
@Service
public class TaskBookService {

  private static final Logger log = LoggerFactory.getLogger(TaskBookService.class);

  public static final String PROCESS_KEY = "taskBookIssuance";

  /** The message of the issuance process's "draft deleted" event subprocess. */
  static final String DRAFT_DELETED_MESSAGE = "taskBookDraftDeleted";

  private final TaskBookRepository books;
  private final WorkItemRepository workItems;
  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final RuntimeService runtimeService;
  private final ItemHistory history;
  private final ApplicationEventPublisher events;
  private final EmptyDepartments emptyDepartments;

  TaskBookService(
      TaskBookRepository books,
      WorkItemRepository workItems,
      DepartmentRepository departments,
      PersonRepository people,
      RuntimeService runtimeService,
      ItemHistory history,
      ApplicationEventPublisher events,
      EmptyDepartments emptyDepartments) {
    this.events = events;
    this.emptyDepartments = emptyDepartments;
    this.books = books;
    this.workItems = workItems;
    this.departments = departments;
    this.people = people;
    this.runtimeService = runtimeService;
    this.history = history;
  }

  /** {@link #createDraft} for pages, which need the new draft's id only. */
  @Transactional
  public Long newDraft(TaskBookFormData data, CurrentUser user) {
    return createDraft(data, user).getId();
  }

  /** A leader starts a new draft; its issuance process waits at the draft step. */
  @Transactional
  public TaskBook createDraft(TaskBookFormData data, CurrentUser user) {
    if (!user.has(Role.LEADER)) {
      throw new AccessDeniedException("only leaders draft task books");
    }
    requireYearInPeriod(data);
    Person issuer = people.getReferenceById(user.personId());
    TaskBook draft =
        new TaskBook(
            data.getTitle().trim(),
            data.getYear(),
            data.getPeriodStart(),
            data.getPeriodEnd(),
            issuer,
            EngineClock.now());
    for (String area : data.goalAreaNames()) {
      draft.addGoalArea(area);
    }
    placeInHierarchy(draft, data);
    TaskBook book = books.save(draft);
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            PROCESS_KEY,
            "book-" + book.getId(),
            Map.of("taskBookId", book.getId(), "issuer", user.getUsername()));
    book.startedProcess(instance.getId());
    history.bookEvent(book.getId(), user.getUsername(), EventKind.BOOK_CREATED, book.getTitle());
    log.info(
        "task book {} drafted by {}, instance {}",
        book.getId(),
        user.getUsername(),
        instance.getId());
    return book;
  }

  /**
   * The drafter corrects the draft's title, year, period, level, parent and responsible party.
   * Refused, with nothing changed, when the year and period disagree or an item's deadline (or a
   * book below) would fall outside the new period.
   */
  @Transactional
  public TaskBook updateDraft(Long bookId, BookDetailsFormData data, CurrentUser user) {
    TaskBook book = editable(bookId, user);
    requireYearInPeriod(data);
    boolean itemsOutside =
        workItems.findByTaskBookIdOrderByIdAsc(bookId).stream()
            .anyMatch(
                i ->
                    i.getDeadline().isBefore(data.getPeriodStart())
                        || i.getDeadline().isAfter(data.getPeriodEnd()));
    if (itemsOutside) {
      throw new UserError("book.period.itemsOutside");
    }
    boolean childrenOutside =
        books.findByParentIdOrderByIdAsc(bookId).stream()
            .anyMatch(
                c ->
                    c.getPeriodStart().isBefore(data.getPeriodStart())
                        || c.getPeriodEnd().isAfter(data.getPeriodEnd()));
    if (childrenOutside) {
      throw new UserError("book.period.childrenOutside");
    }
    if (data.getParentId() != null && data.getParentId().equals(bookId)) {
      throw new UserError("book.parent.unknown");
    }
    placeInHierarchy(book, data);
    book.correct(
        data.getTitle().trim(), data.getYear(), data.getPeriodStart(), data.getPeriodEnd());
    return book;
  }

  /**
   * Deletes a draft: its drafter, the supervision office or an admin may. The issuance process ends
   * through its "draft deleted" message event (an instance of an older process version without it
   * is deleted with the reason), the book's history says who deleted it, and it leaves every list.
   */
  @Transactional
  public void deleteDraft(Long bookId, CurrentUser user) {
    TaskBook book = books.findById(bookId).filter(b -> !b.isDeleted()).orElseThrow(NotFound::new);
    boolean drafter = book.getIssuer().getUsername().equals(user.getUsername());
    if (!drafter && !user.has(Role.SUPERVISION) && !user.has(Role.ADMIN)) {
      throw new AccessDeniedException(
          "only the drafter, the supervision office or an admin deletes a draft");
    }
    if (!book.isEditable()) {
      throw new UserError("book.delete.notDraft");
    }
    if (!books.findByParentIdOrderByIdAsc(bookId).stream().allMatch(TaskBook::isDeleted)) {
      throw new UserError("book.delete.hasChildren");
    }
    book.deleted();
    history.bookEvent(bookId, user.getUsername(), EventKind.BOOK_DELETED, book.getTitle());
    endIssuance(book, user.getUsername());
    log.info("draft task book {} deleted by {}", bookId, user.getUsername());
  }

  private void endIssuance(TaskBook book, String actor) {
    String instance = book.getProcessInstanceId();
    if (instance == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
      return;
    }
    try {
      runtimeService
          .createMessageCorrelation(DRAFT_DELETED_MESSAGE)
          .processInstanceId(instance)
          .setVariable("deletedBy", actor)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException olderVersion) {
      // an instance started before the process had the event: end it directly, saying why
      runtimeService.deleteProcessInstance(instance, "task book draft deleted by " + actor);
    }
  }

  /** The draft's details as they stand, for the editor's form. */
  @Transactional(readOnly = true)
  public BookDetailsFormData details(Long bookId) {
    return BookDetailsFormData.of(books.findById(bookId).orElseThrow(NotFound::new));
  }

  private static void requireYearInPeriod(BookDetailsFormData data) {
    if (!data.isYearInPeriod()) {
      throw new UserError("book.period.year");
    }
  }

  private void placeInHierarchy(TaskBook draft, BookDetailsFormData data) {
    TaskBook parent = null;
    if (data.getParentId() != null) {
      parent =
          books
              .findById(data.getParentId())
              .orElseThrow(() -> new UserError("book.parent.unknown"));
      if (data.getPeriodStart().isBefore(parent.getPeriodStart())
          || data.getPeriodEnd().isAfter(parent.getPeriodEnd())) {
        throw new UserError("book.parent.period");
      }
    }
    Department department =
        data.getResponsibleDepartmentId() == null
            ? null
            : activeDepartment(data.getResponsibleDepartmentId());
    Person person =
        data.getResponsiblePersonId() == null
            ? null
            : people
                .findById(data.getResponsiblePersonId())
                .filter(Person::isActive)
                .orElseThrow(() -> new UserError("item.leader.unknown"));
    draft.placeIn(data.getLevel(), parent, department, person);
  }

  @Transactional
  public GoalArea addGoalArea(Long bookId, String name, CurrentUser user) {
    TaskBook book = editable(bookId, user);
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty()
        || book.getGoalAreas().stream().anyMatch(a -> a.getName().equals(trimmed))) {
      throw new UserError("goalArea.invalid");
    }
    if (trimmed.length() > GoalArea.MAX_NAME) {
      throw new UserError("goalArea.tooLong");
    }
    return book.addGoalArea(trimmed);
  }

  @Transactional
  public WorkItem addItem(Long bookId, WorkItemFormData data, CurrentUser user) {
    TaskBook book = editable(bookId, user);
    GoalArea area =
        book.getGoalAreas().stream()
            .filter(a -> a.getId().equals(data.getGoalAreaId()))
            .findFirst()
            .orElseThrow(() -> new UserError("item.goalArea.unknown"));
    if (workItems.existsByTaskBookIdAndSeq(bookId, data.getSeq().trim())) {
      throw new UserError("item.seq.duplicate");
    }
    if (data.getDeadline().isAfter(book.getPeriodEnd())
        || data.getDeadline().isBefore(book.getPeriodStart())) {
      throw new UserError("item.deadline.outsidePeriod");
    }
    LocalDate start = data.getStartDate();
    if (start != null
        && (start.isBefore(book.getPeriodStart()) || start.isAfter(book.getPeriodEnd()))) {
      throw new UserError("item.startDate.outsidePeriod");
    }
    if (start != null && start.isAfter(data.getDeadline())) {
      throw new UserError("item.startDate.afterDeadline");
    }
    Department lead = activeDepartment(data.getLeadDepartmentId());
    Person leader =
        people
            .findById(data.getLeaderInChargeId())
            .filter(p -> p.isActive() && p.has(Role.LEADER))
            .orElseThrow(() -> new UserError("item.leader.unknown"));
    WorkItem item =
        new WorkItem(
            book,
            area,
            data.getSeq().trim(),
            data.getTitle().trim(),
            blankToNull(data.getTargetText()),
            lead,
            leader,
            data.getDeadline(),
            blankToNull(data.getAcceptanceCriteria()));
    if (start != null) {
      item.startOn(start);
    }
    if (data.getParentItemId() != null) {
      item.breaksDown(parentItem(book, data.getParentItemId()));
    }
    for (Long collaboratorId : data.getCollaboratorIds()) {
      if (!collaboratorId.equals(lead.getId())) {
        item.addCollaborator(activeDepartment(collaboratorId));
      }
    }
    if (data.hasIndicator()) {
      Indicator indicator =
          item.addIndicator(
              data.getIndicatorName().trim(),
              blankToNull(data.getIndicatorUnit()),
              data.getIndicatorDirection(),
              data.getIndicatorBaseline(),
              data.getIndicatorTarget());
      data.yearTargets()
          .forEach(
              (targetYear, target) -> {
                if (targetYear < book.getPeriodStart().getYear()
                    || targetYear > book.getPeriodEnd().getYear()) {
                  throw new UserError("item.indicator.yearOutsidePeriod");
                }
                indicator.setYearTarget(targetYear, target);
              });
    }
    return workItems.save(item);
  }

  @Transactional
  public void removeItem(Long bookId, Long itemId, CurrentUser user) {
    editable(bookId, user);
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    if (!item.getTaskBook().getId().equals(bookId)) {
      throw new NotFound();
    }
    workItems.delete(item);
  }

  // Decisions of the issuance process, called by TaskBookTasks.

  @Transactional
  void submitForReview(Long bookId, String actor) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (workItems.findIdsByTaskBook(bookId).isEmpty()) {
      throw UserError.at("submitNote", "book.submit.noItems");
    }
    refuseEmptyDepartments(book, "submitNote");
    book.submitted();
    history.bookEvent(bookId, actor, EventKind.BOOK_SUBMITTED, null);
  }

  @Transactional
  void approve(Long bookId, String actor, String comment) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (book.getIssuer().getUsername().equals(actor)) {
      throw UserError.at("reviewDecision", "book.review.ownBook");
    }
    // approving issues the book at once: the last moment to refuse work for nobody
    refuseEmptyDepartments(book, "reviewDecision");
    history.bookEvent(bookId, actor, EventKind.BOOK_APPROVED, comment);
  }

  @Transactional
  void sendBack(Long bookId, String actor, String comment) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (book.getIssuer().getUsername().equals(actor)) {
      throw UserError.at("reviewDecision", "book.review.ownBook");
    }
    book.sentBack(comment);
    history.bookEvent(bookId, actor, EventKind.BOOK_SENT_BACK, comment);
  }

  @Transactional
  void resubmit(Long bookId, String actor, String note) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (workItems.findIdsByTaskBook(bookId).isEmpty()) {
      throw UserError.at("revisionNote", "book.submit.noItems");
    }
    refuseEmptyDepartments(book, "revisionNote");
    book.submitted();
    history.bookEvent(bookId, actor, EventKind.BOOK_REVISED, note);
  }

  /**
   * Refuses, naming them, the departments of the book nobody could act for: the lead departments of
   * its items (unless the setting sends their tasks to the supervision office) and the department
   * that signs it (the supervision office cannot sign for a department).
   */
  private void refuseEmptyDepartments(TaskBook book, String field) {
    List<Department> empty =
        departmentsNobodyActsFor(book, !emptyDepartments.routesToSupervisionOffice());
    if (!empty.isEmpty()) {
      throw UserError.at(field, "book.issue.emptyDepartments", EmptyDepartments.names(empty));
    }
  }

  private List<Department> departmentsNobodyActsFor(TaskBook book, boolean withLeadDepartments) {
    List<Department> concerned = new java.util.ArrayList<>();
    if (book.getResponsibleDepartment() != null) {
      concerned.add(book.getResponsibleDepartment());
    }
    if (withLeadDepartments) {
      workItems
          .findByTaskBookIdOrderByIdAsc(book.getId())
          .forEach(item -> concerned.add(item.getLeadDepartment()));
    }
    return emptyDepartments.among(concerned);
  }

  /**
   * The lead departments of the book's items nobody could act for (their tasks go to nobody, or to
   * the supervision office).
   */
  @Transactional(readOnly = true)
  public List<String> emptyLeadDepartments(Long bookId) {
    List<Department> leads =
        workItems.findByTaskBookIdOrderByIdAsc(bookId).stream()
            .map(WorkItem::getLeadDepartment)
            .toList();
    return emptyDepartments.among(leads).stream().map(Department::getName).toList();
  }

  /**
   * Whether the tasks of departments nobody could act for go to the supervision office (else
   * issuing is refused).
   */
  public boolean routesEmptyDepartmentsToSupervisionOffice() {
    return emptyDepartments.routesToSupervisionOffice();
  }

  // Signing of a responsibility book (目标责任书), called by TaskBookTasks.

  /** The responsible party signs the issued book: who and when are recorded on the book. */
  @Transactional
  void sign(Long bookId, String actor) {
    TaskBook book = bookToSign(bookId, actor);
    book.signed(actor, EngineClock.now());
    history.bookEvent(bookId, actor, EventKind.BOOK_SIGNED, book.responsibleParty());
    log.info("task book {} signed by {}", bookId, actor);
  }

  /** The responsible party returns the book to its issuer with a question instead of signing. */
  @Transactional
  void raiseSigningQuestion(Long bookId, String actor, String question) {
    bookToSign(bookId, actor);
    if (question == null || question.isBlank()) {
      throw UserError.at("question", "decision.reasonRequired");
    }
    history.bookEvent(bookId, actor, EventKind.SIGNING_QUESTION_RAISED, question.trim());
  }

  /** The issuer answers the question; the book goes back to the responsible party to sign. */
  @Transactional
  void answerSigningQuestion(Long bookId, String actor, String answer) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (!book.getIssuer().getUsername().equals(actor)) {
      throw UserError.at("answer", "book.sign.answerNotIssuer");
    }
    history.bookEvent(bookId, actor, EventKind.SIGNING_QUESTION_ANSWERED, answer);
  }

  /** The latest signing question of the book and its answer (null while unanswered). */
  public record SigningExchange(String question, String answer) {}

  /** The latest signing question and answer, or null when no question was raised. */
  @Transactional(readOnly = true)
  public SigningExchange lastSigningExchange(Long bookId) {
    SigningExchange exchange = null;
    for (ItemEvent event : history.ofBook(bookId)) {
      if (EventKind.SIGNING_QUESTION_RAISED.name().equals(event.getKind())) {
        exchange = new SigningExchange(event.getDetail(), null);
      } else if (EventKind.SIGNING_QUESTION_ANSWERED.name().equals(event.getKind())
          && exchange != null) {
        exchange = new SigningExchange(exchange.question(), event.getDetail());
      }
    }
    return exchange;
  }

  private TaskBook bookToSign(Long bookId, String actor) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (!book.maySign(people.findByUsername(actor).orElse(null))) {
      throw UserError.at("signDecision", "book.sign.notSigner");
    }
    return book;
  }

  @Transactional(readOnly = true)
  public boolean needsSigning(Long bookId) {
    return books.findById(bookId).orElseThrow(NotFound::new).needsSigning();
  }

  @Transactional(readOnly = true)
  public List<String> signingGroups(Long bookId) {
    Department department =
        books.findById(bookId).orElseThrow(NotFound::new).getResponsibleDepartment();
    return department == null ? List.of() : List.of(department.groupId());
  }

  @Transactional(readOnly = true)
  public List<String> signingUsers(Long bookId) {
    Person person = books.findById(bookId).orElseThrow(NotFound::new).getResponsiblePerson();
    return person == null ? List.of() : List.of(person.getUsername());
  }

  /** Called by the process when the review approves: the book and its items are issued. */
  @Transactional
  public void issue(Long bookId) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (book.getStatus() == TaskBookStatus.ISSUED) {
      return;
    }
    LocalDateTime now = EngineClock.now();
    book.issued(now);
    for (WorkItem item : workItems.findByTaskBookIdOrderByIdAsc(bookId)) {
      item.issued(now);
      history.itemEvent(
          item.getId(),
          bookId,
          ItemHistory.SYSTEM,
          EventKind.ITEM_ISSUED,
          item.getLeadDepartment().getName());
      if (emptyDepartments.routesToSupervisionOffice()
          && emptyDepartments.isEmpty(item.getLeadDepartment().getId())) {
        // the setting's promise: not silently; the item's history says where its tasks went and why
        history.itemEvent(
            item.getId(),
            bookId,
            ItemHistory.SYSTEM,
            EventKind.ITEM_ROUTED_TO_SUPERVISION,
            item.getLeadDepartment().getName());
        log.warn(
            "item {} issued to {}, which nobody could act for: its tasks go to the supervision office",
            item.getId(),
            item.getLeadDepartment().getName());
      }
    }
    history.bookEvent(bookId, ItemHistory.SYSTEM, EventKind.BOOK_ISSUED, null);
    events.publishEvent(new TaskBookIssued(bookId, ItemHistory.SYSTEM));
    log.info("task book {} issued", bookId);
  }

  /** Called by the process once every item's department work has ended and the book is signed. */
  @Transactional
  public void close(Long bookId) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (workItems.countByTaskBookIdAndStageNotIn(
            bookId, List.of(ItemStage.CLOSED, ItemStage.CANCELLED))
        > 0) {
      throw new IllegalStateException("task book " + bookId + " still has open items");
    }
    book.closed(EngineClock.now());
    history.bookEvent(bookId, ItemHistory.SYSTEM, EventKind.BOOK_CLOSED, null);
    log.info("task book {} closed", bookId);
  }

  @Transactional(readOnly = true)
  public List<Long> itemIds(Long bookId) {
    return workItems.findIdsByTaskBook(bookId);
  }

  /** An item breaks down an item of the book one level up, never one of another branch. */
  private WorkItem parentItem(TaskBook book, Long parentItemId) {
    WorkItem parent =
        workItems.findById(parentItemId).orElseThrow(() -> new UserError("item.parent.unknown"));
    if (book.getParent() == null
        || !parent.getTaskBook().getId().equals(book.getParent().getId())) {
      throw new UserError("item.parent.notInParentBook");
    }
    return parent;
  }

  private TaskBook editable(Long bookId, CurrentUser user) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (!book.getIssuer().getUsername().equals(user.getUsername())) {
      throw new AccessDeniedException("only the issuer edits a draft");
    }
    if (!book.isEditable()) {
      throw new UserError("book.notEditable");
    }
    return book;
  }

  private Department activeDepartment(Long id) {
    return departments
        .findById(id == null ? -1L : id)
        .filter(Department::isActive)
        .orElseThrow(() -> new UserError("item.department.unknown"));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
