package org.duban.book;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.book.TaskBookService.SigningExchange;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.duban.task.FormValues;
import org.duban.task.TaskContext;
import org.duban.task.TaskDecisionHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The user tasks of the issuance process: submit the draft, review, revise, sign, answer. */
@Component
class TaskBookTasks implements TaskDecisionHandler {

  static final String DRAFT = "draftTaskBook";
  static final String REVIEW = "reviewTaskBook";
  static final String REVISE = "reviseTaskBook";
  static final String SIGN = "signTaskBook";
  static final String ANSWER = "answerSigningQuestion";

  private final TaskBookService service;
  private final TaskBookRepository books;
  private final TaskService taskService;
  private final MessageSource messages;

  TaskBookTasks(
      TaskBookService service,
      TaskBookRepository books,
      TaskService taskService,
      MessageSource messages) {
    this.service = service;
    this.books = books;
    this.taskService = taskService;
    this.messages = messages;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(DRAFT, REVIEW, REVISE, SIGN, ANSWER);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> prefill(Task task, TaskContext context) {
    TaskBook book = books.findById(context.requireTaskBookId()).orElseThrow(NotFound::new);
    Map<String, Object> values = new HashMap<>();
    values.put("bookTitle", book.getTitle());
    values.put("bookYear", book.getYear());
    values.put("itemCount", service.itemIds(book.getId()).size());
    if (book.getReviewComment() != null) {
      values.put("reviewComment", book.getReviewComment());
    }
    if (book.responsibleParty() != null) {
      values.put("responsibleParty", book.responsibleParty());
    }
    String key = task.getTaskDefinitionKey();
    if (DRAFT.equals(key) || REVIEW.equals(key) || REVISE.equals(key)) {
      // said before submitting or approving: issuing to a department nobody could act for is
      // refused,
      // or by setting sends its tasks to the supervision office
      List<String> empty = service.emptyLeadDepartments(book.getId());
      values.put(
          "emptyDepartmentsNote",
          empty.isEmpty()
              ? ""
              : messages.getMessage(
                  service.routesEmptyDepartmentsToSupervisionOffice()
                      ? "book.emptyDepartments.routed"
                      : "book.emptyDepartments.present",
                  new Object[] {String.join("、", empty)},
                  LocaleContextHolder.getLocale()));
    }
    if (SIGN.equals(key)) {
      // after a question, the signer decides afresh instead of seeing the previous round's choice
      values.put("signDecision", null);
    }
    if (SIGN.equals(key) || ANSWER.equals(key)) {
      SigningExchange exchange = service.lastSigningExchange(book.getId());
      if (exchange != null) {
        values.put("signingQuestion", exchange.question());
        if (SIGN.equals(key) && exchange.answer() != null) {
          values.put(
              "signingAnswerNote",
              messages.getMessage(
                  "sign.answerNote",
                  new Object[] {exchange.question(), exchange.answer()},
                  LocaleContextHolder.getLocale()));
        }
      }
    }
    return values;
  }

  @Override
  @Transactional
  public void complete(
      Task task, TaskContext context, Map<String, Object> values, CurrentUser user) {
    Long bookId = context.requireTaskBookId();
    String actor = user.getUsername();
    switch (task.getTaskDefinitionKey()) {
      case DRAFT -> {
        service.submitForReview(bookId, actor);
        taskService.complete(task.getId());
      }
      case REVIEW -> {
        String decision = FormValues.text(values, "reviewDecision");
        String comment = FormValues.text(values, "reviewComment");
        if ("approve".equals(decision)) {
          service.approve(bookId, actor, comment);
        } else if ("sendBack".equals(decision)) {
          service.sendBack(bookId, actor, FormValues.requiredText(values, "reviewComment"));
        } else {
          throw UserError.at("reviewDecision", "decision.unknown");
        }
        taskService.complete(task.getId(), Map.of("reviewDecision", decision));
      }
      case REVISE -> {
        service.resubmit(bookId, actor, FormValues.requiredText(values, "revisionNote"));
        taskService.complete(task.getId());
      }
      case SIGN -> {
        String decision = FormValues.text(values, "signDecision");
        if ("sign".equals(decision)) {
          service.sign(bookId, actor);
        } else if ("question".equals(decision)) {
          service.raiseSigningQuestion(bookId, actor, FormValues.text(values, "question"));
        } else {
          throw UserError.at("signDecision", "decision.unknown");
        }
        taskService.complete(task.getId(), Map.of("signDecision", decision));
      }
      case ANSWER -> {
        service.answerSigningQuestion(bookId, actor, FormValues.requiredText(values, "answer"));
        taskService.complete(task.getId());
      }
      default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
    }
  }
}
