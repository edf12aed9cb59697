package org.duban.assessment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookRepository;
import org.duban.infrastructure.MessageText;
import org.duban.notification.Message;
import org.duban.notification.MessageKind;
import org.duban.notification.Notifier;
import org.duban.notification.Recipients;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about each step of the year-end assessment, in their inbox (and on the
 * channels they chose): the departments that must review their scores, the leaders who must decide
 * an appeal, the department whose appeal was decided, and everyone scored when the results are
 * published. Sent from {@link AssessmentService} in its transaction, so a refused or rolled-back
 * step tells nobody; each message's event key names its step, so a rerun tells nobody twice.
 */
@Component
class AssessmentNotices {

  private final Notifier notifier;
  private final Recipients recipients;
  private final TaskBookRepository books;
  private final PersonRepository people;
  private final DepartmentRepository departments;

  AssessmentNotices(
      Notifier notifier,
      Recipients recipients,
      TaskBookRepository books,
      PersonRepository people,
      DepartmentRepository departments) {
    this.notifier = notifier;
    this.recipients = recipients;
    this.books = books;
    this.people = people;
    this.departments = departments;
  }

  /** Each lead department is asked to review its scores (确认考核得分). */
  void reviewAsked(Assessment assessment, List<Long> departmentIds) {
    String book = bookTitle(assessment);
    for (Long departmentId : departmentIds) {
      send(
          "assessment-" + assessment.getId() + "-review-" + departmentId,
          recipients.headsOf(departmentId),
          MessageText.of("assessment.notice.review.title", book),
          MessageText.of("assessment.notice.review.body", book),
          departmentLink(assessment, departmentId));
    }
  }

  /** The leaders who decide the department's appeal (裁决申诉) are told it waits for them. */
  void appealFiled(Assessment assessment, AssessmentAppeal appeal, List<Long> leaderIds) {
    String departmentName =
        departments.findById(appeal.getDepartmentId()).map(Department::getName).orElse("");
    Set<String> leaders = new LinkedHashSet<>();
    for (Person person : people.findAllById(leaderIds)) {
      if (person.isActive() && person.has(Role.LEADER)) {
        leaders.add(person.getUsername());
      }
    }
    if (leaders.isEmpty()) {
      people.findActiveByRole(Role.LEADER).forEach(p -> leaders.add(p.getUsername()));
    }
    send(
        "assessment-" + assessment.getId() + "-appeal-" + appeal.getDepartmentId(),
        leaders,
        MessageText.of("assessment.notice.appeal.title", departmentName),
        MessageText.of(
            "assessment.notice.appeal.body",
            bookTitle(assessment),
            departmentName,
            appeal.getReason()),
        departmentLink(assessment, appeal.getDepartmentId()));
  }

  /** The appealing department (its heads and whoever appealed) learns the leader's decision. */
  void appealDecided(Assessment assessment, AssessmentAppeal appeal) {
    Set<String> to = new LinkedHashSet<>(recipients.headsOf(appeal.getDepartmentId()));
    to.addAll(recipients.activeOnly(List.of(appeal.getAppealedBy())));
    MessageText outcome =
        AssessmentAppeal.CHANGE.equals(appeal.getDecision())
            ? MessageText.of(
                "assessment.notice.outcome.change",
                appeal.getNewScore().stripTrailingZeros().toPlainString())
            : MessageText.of("assessment.notice.outcome.uphold");
    send(
        "assessment-" + assessment.getId() + "-appeal-decided-" + appeal.getDepartmentId(),
        to,
        MessageText.of("assessment.notice.decided.title", outcome),
        MessageText.of(
            "assessment.notice.decided.body",
            bookTitle(assessment),
            outcome,
            appeal.getDecisionReason()),
        departmentLink(assessment, appeal.getDepartmentId()));
  }

  /** Every scored department and every leader in charge learns that the results are published. */
  void published(Assessment assessment, List<Long> departmentIds, List<Long> leaderIds) {
    String book = bookTitle(assessment);
    for (Long departmentId : departmentIds) {
      send(
          "assessment-" + assessment.getId() + "-published-" + departmentId,
          recipients.headsOf(departmentId),
          MessageText.of("assessment.notice.published.title", book),
          MessageText.of("assessment.notice.published.department", book),
          departmentLink(assessment, departmentId));
    }
    Set<String> leaders = new LinkedHashSet<>();
    leaderIds.forEach(id -> leaders.addAll(recipients.person(id)));
    send(
        "assessment-" + assessment.getId() + "-published-leaders",
        leaders,
        MessageText.of("assessment.notice.published.title", book),
        MessageText.of("assessment.notice.published.leaders", book),
        "/assessments/" + assessment.getId());
  }

  /**
   * Worded in each reader's language; the outbox cuts a long title (a long book title) to its
   * column.
   */
  private void send(
      String eventKey, Set<String> to, MessageText title, MessageText body, String link) {
    if (!to.isEmpty()) {
      notifier.send(Message.worded(eventKey, to, null, MessageKind.ASSESSMENT, title, body, link));
    }
  }

  private String bookTitle(Assessment assessment) {
    return books.findById(assessment.getTaskBookId()).map(TaskBook::getTitle).orElse("");
  }

  private static String departmentLink(Assessment assessment, Long departmentId) {
    return "/assessments/" + assessment.getId() + "/departments/" + departmentId;
  }
}
