package org.duban.assessment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duban.notification.Message;
import org.duban.notification.MessageKind;
import org.duban.notification.Notifier;
import org.duban.notification.Recipients;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookRepository;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about each step of the year-end assessment, in their inbox (and on the
 * channels they chose): the departments that must review their scores, the leaders who must decide an
 * appeal, the department whose appeal was decided, and everyone scored when the results are published.
 * Sent from {@link AssessmentService} in its transaction, so a refused or rolled-back step tells nobody;
 * each message's event key names its step, so a rerun tells nobody twice.
 */
@Component
class AssessmentNotices {

  private final Notifier notifier;
  private final Recipients recipients;
  private final TaskBookRepository books;
  private final PersonRepository people;
  private final DepartmentRepository departments;

  AssessmentNotices(Notifier notifier, Recipients recipients, TaskBookRepository books, PersonRepository people,
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
      send("assessment-" + assessment.getId() + "-review-" + departmentId, recipients.headsOf(departmentId),
          "【年终考核】请确认本科室考核得分：" + book,
          "督查室已开启《" + book + "》年终考核，各事项已逐项评分。请查看本科室的得分与评分理由，确认无异议或提出申诉（每个科室限申诉一次）。",
          departmentLink(assessment, departmentId));
    }
  }

  /** The leaders who decide the department's appeal (裁决申诉) are told it waits for them. */
  void appealFiled(Assessment assessment, AssessmentAppeal appeal, List<Long> leaderIds) {
    String departmentName = departments.findById(appeal.getDepartmentId()).map(Department::getName).orElse("");
    Set<String> leaders = new LinkedHashSet<>();
    for (Person person : people.findAllById(leaderIds)) {
      if (person.isActive() && person.has(Role.LEADER)) {
        leaders.add(person.getUsername());
      }
    }
    if (leaders.isEmpty()) {
      people.findActiveByRole(Role.LEADER).forEach(p -> leaders.add(p.getUsername()));
    }
    send("assessment-" + assessment.getId() + "-appeal-" + appeal.getDepartmentId(), leaders,
        "【年终考核】" + departmentName + "对考核得分提出申诉，请裁决",
        "《" + bookTitle(assessment) + "》年终考核中，" + departmentName + "提出申诉：" + appeal.getReason(),
        departmentLink(assessment, appeal.getDepartmentId()));
  }

  /** The appealing department (its heads and whoever appealed) learns the leader's decision. */
  void appealDecided(Assessment assessment, AssessmentAppeal appeal) {
    Set<String> to = new LinkedHashSet<>(recipients.headsOf(appeal.getDepartmentId()));
    to.addAll(recipients.activeOnly(List.of(appeal.getAppealedBy())));
    String outcome = AssessmentAppeal.CHANGE.equals(appeal.getDecision())
        ? "调整得分为" + appeal.getNewScore().stripTrailingZeros().toPlainString() + "分"
        : "维持原分";
    send("assessment-" + assessment.getId() + "-appeal-decided-" + appeal.getDepartmentId(), to,
        "【年终考核】申诉已裁决：" + outcome,
        "《" + bookTitle(assessment) + "》年终考核中本科室的申诉已裁决：" + outcome + "。理由：" + appeal.getDecisionReason(),
        departmentLink(assessment, appeal.getDepartmentId()));
  }

  /** Every scored department and every leader in charge learns that the results are published. */
  void published(Assessment assessment, List<Long> departmentIds, List<Long> leaderIds) {
    String book = bookTitle(assessment);
    for (Long departmentId : departmentIds) {
      send("assessment-" + assessment.getId() + "-published-" + departmentId, recipients.headsOf(departmentId),
          "【年终考核】考核结果已发布：" + book,
          "《" + book + "》年终考核结果已发布，请查看本科室的最终得分与名次。",
          departmentLink(assessment, departmentId));
    }
    Set<String> leaders = new LinkedHashSet<>();
    leaderIds.forEach(id -> leaders.addAll(recipients.person(id)));
    send("assessment-" + assessment.getId() + "-published-leaders", leaders,
        "【年终考核】考核结果已发布：" + book,
        "《" + book + "》年终考核结果已发布，可查看各科室与分管院领导的得分和名次。",
        "/assessments/" + assessment.getId());
  }

  private void send(String eventKey, Set<String> to, String title, String body, String link) {
    if (!to.isEmpty()) {
      // the title column holds 200 characters; a long book title must not cost the step
      String shown = title.length() > 200 ? title.substring(0, 199) + "…" : title;
      notifier.send(new Message(eventKey, to, null, MessageKind.ASSESSMENT, shown, body, link));
    }
  }

  private String bookTitle(Assessment assessment) {
    return books.findById(assessment.getTaskBookId()).map(TaskBook::getTitle).orElse("");
  }

  private static String departmentLink(Assessment assessment, Long departmentId) {
    return "/assessments/" + assessment.getId() + "/departments/" + departmentId;
  }
}
