package org.duban.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.audit.AuditLog;
import org.duban.book.GoalArea;
import org.duban.book.ItemStage;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookRepository;
import org.duban.book.TaskBookStatus;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end assessment (年终考核) of a task book: opened by the supervision office with the goal
 * areas' weights, every item scored by {@link ScoringRules}, reviewed by each lead department,
 * which may appeal once, the appeals decided by a leader, then published. Runs the {@code
 * yearEndAssessment} process; every step is audited.
 */
@Service
public class AssessmentService {

  public static final String PROCESS_KEY = "yearEndAssessment";
  public static final String ASSESSMENT_ID = "assessmentId";
  public static final String RESPONSE = "assessmentResponse";

  private final AssessmentRepository assessments;
  private final AssessmentWeightRepository weights;
  private final AssessmentItemScoreRepository scores;
  private final AssessmentAppealRepository appeals;
  private final TaskBookRepository books;
  private final WorkItemRepository items;
  private final AssessmentFacts facts;
  private final ScoringRules rules;
  private final RuntimeService runtime;
  private final AuditLog audit;
  private final AssessmentNotices notices;

  AssessmentService(
      AssessmentRepository assessments,
      AssessmentWeightRepository weights,
      AssessmentItemScoreRepository scores,
      AssessmentAppealRepository appeals,
      TaskBookRepository books,
      WorkItemRepository items,
      AssessmentFacts facts,
      ScoringRules rules,
      RuntimeService runtime,
      AuditLog audit,
      AssessmentNotices notices) {
    this.assessments = assessments;
    this.weights = weights;
    this.scores = scores;
    this.appeals = appeals;
    this.books = books;
    this.items = items;
    this.facts = facts;
    this.rules = rules;
    this.runtime = runtime;
    this.audit = audit;
    this.notices = notices;
  }

  /** Only the supervision office opens and publishes assessments. */
  public static boolean mayRun(CurrentUser user) {
    return user.has(Role.SUPERVISION);
  }

  /** Leaders, the supervision office and admins see every department's and leader's result. */
  public static boolean seesAll(CurrentUser user) {
    return user.has(Role.SUPERVISION) || user.has(Role.LEADER) || user.has(Role.ADMIN);
  }

  /** Whether the user may see this department's scores: all-seeing roles, or its own people. */
  public static boolean maySeeDepartment(CurrentUser user, Long departmentId) {
    return seesAll(user) || Objects.equals(user.departmentId(), departmentId);
  }

  /** The goal areas of the book that have items to score, in the book's order. */
  @Transactional(readOnly = true)
  public List<Weights.Area> areasOf(Long taskBookId) {
    TaskBook book = books.findById(taskBookId).orElseThrow(NotFound::new);
    List<Long> used =
        scorableItems(taskBookId).stream().map(i -> i.getGoalArea().getId()).distinct().toList();
    List<Weights.Area> areas = new ArrayList<>();
    for (GoalArea area : book.getGoalAreas()) {
      if (used.contains(area.getId())) {
        areas.add(new Weights.Area(area.getId(), area.getName()));
      }
    }
    return areas;
  }

  /** Books the office may assess: issued or closed, without an assessment yet. */
  @Transactional(readOnly = true)
  public List<TaskBook> assessableBooks() {
    return books.findAllByOrderByYearDescIdDesc().stream()
        .filter(
            b -> b.getStatus() == TaskBookStatus.ISSUED || b.getStatus() == TaskBookStatus.CLOSED)
        .filter(b -> assessments.findByTaskBookId(b.getId()).isEmpty())
        .toList();
  }

  /**
   * Opens the assessment of an issued (or closed) book with the areas' weights and starts its
   * process, whose first step scores every item. Throws {@link UserError} and writes nothing on bad
   * weights or a book that cannot be assessed.
   */
  @Transactional
  public Assessment open(Long taskBookId, Map<Long, Integer> areaWeights, CurrentUser user) {
    if (!mayRun(user)) {
      throw new AccessDeniedException("only the supervision office opens assessments");
    }
    TaskBook book = books.findById(taskBookId).orElseThrow(NotFound::new);
    if (book.getStatus() != TaskBookStatus.ISSUED && book.getStatus() != TaskBookStatus.CLOSED) {
      throw UserError.at("taskBookId", "assessment.book.notIssued");
    }
    if (assessments.findByTaskBookId(taskBookId).isPresent()) {
      throw UserError.at("taskBookId", "assessment.book.alreadyOpened");
    }
    List<Weights.Area> areas = areasOf(taskBookId);
    if (areas.isEmpty()) {
      throw UserError.at("taskBookId", "assessment.book.noItems");
    }
    Weights.validate(areas, areaWeights);
    Assessment assessment =
        assessments.save(
            new Assessment(taskBookId, book.getYear(), user.getUsername(), EngineClock.now()));
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (Weights.Area area : areas) {
      weights.save(
          new AssessmentWeight(
              assessment.getId(), area.id(), area.name(), areaWeights.get(area.id())));
      byName.put(area.name(), areaWeights.get(area.id()));
    }
    audit.record(
        "assessment.open",
        "assessment",
        assessment.getId().toString(),
        null,
        Map.of("taskBook", book.getTitle(), "weights", byName));
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            PROCESS_KEY,
            "assessment-" + assessment.getId(),
            Map.of(ASSESSMENT_ID, assessment.getId(), "taskBookId", taskBookId));
    assessment.started(instance.getId());
    return assessment;
  }

  /**
   * Scores every item of the assessment's book once (the process's {@code scoreItems} step; a rerun
   * changes nothing).
   */
  @Transactional
  public int scoreItems(Long assessmentId) {
    Assessment assessment = assessments.findById(assessmentId).orElseThrow(NotFound::new);
    if (scores.existsByAssessmentId(assessmentId)) {
      return 0;
    }
    int count = 0;
    List<WorkItem> scorable = scorableItems(assessment.getTaskBookId());
    Map<Long, ItemFacts> allFacts = facts.of(scorable);
    for (WorkItem item : scorable) {
      ItemFacts itemFacts = allFacts.get(item.getId());
      ItemScore score = rules.score(itemFacts);
      scores.save(
          new AssessmentItemScore(
              assessmentId,
              item.getId(),
              item.getGoalArea().getId(),
              item.getLeadDepartment().getId(),
              item.getLeaderInCharge().getId(),
              itemFacts,
              score));
      count++;
    }
    // the departments' review tasks come next in the process: each department hears it has scores
    // to review
    notices.reviewAsked(assessment, departmentIds(assessmentId));
    return count;
  }

  private List<WorkItem> scorableItems(Long taskBookId) {
    return items.findByTaskBookIdOrderByIdAsc(taskBookId).stream()
        .filter(i -> i.getStage() != ItemStage.DRAFT && i.getStage() != ItemStage.CANCELLED)
        .toList();
  }

  /** The lead departments with scored items: one review each. */
  @Transactional(readOnly = true)
  public List<Long> departmentIds(Long assessmentId) {
    return scores.findByAssessmentIdOrderByWorkItemIdAsc(assessmentId).stream()
        .map(AssessmentItemScore::getDepartmentId)
        .distinct()
        .sorted()
        .toList();
  }

  /** The leaders in charge of the department's scored items, who decide its appeal. */
  @Transactional(readOnly = true)
  public List<Long> leaderIds(Long assessmentId, Long departmentId) {
    return scores
        .findByAssessmentIdAndDepartmentIdOrderByWorkItemIdAsc(assessmentId, departmentId)
        .stream()
        .map(AssessmentItemScore::getLeaderId)
        .distinct()
        .toList();
  }

  /**
   * The department's one appeal (申诉), with a reason and optionally the item it is about. A second
   * appeal, an appeal after publication or without a reason is refused with a Chinese message.
   */
  @Transactional
  public AssessmentAppeal appeal(
      Long assessmentId, Long departmentId, Long workItemId, String reason, CurrentUser user) {
    Assessment assessment = assessments.findById(assessmentId).orElseThrow(NotFound::new);
    if (!Objects.equals(user.departmentId(), departmentId) && !user.has(Role.ADMIN)) {
      throw new AccessDeniedException("only the department appeals its own score");
    }
    if (assessment.isPublished()) {
      throw UserError.at("appealReason", "assessment.appeal.published");
    }
    if (appeals.findByAssessmentIdAndDepartmentId(assessmentId, departmentId).isPresent()) {
      throw UserError.at("appealReason", "assessment.appeal.once");
    }
    String text = reason == null ? "" : reason.trim();
    if (text.isEmpty()) {
      throw UserError.at("appealReason", "assessment.appeal.reasonRequired");
    }
    if (workItemId != null) {
      departmentItem(assessmentId, departmentId, workItemId, "appealItem");
    }
    AssessmentAppeal appeal =
        appeals.save(
            new AssessmentAppeal(
                assessmentId,
                departmentId,
                workItemId,
                text,
                user.getUsername(),
                EngineClock.now()));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("department", departmentId);
    after.put("workItem", workItemId);
    after.put("reason", text);
    audit.record("assessment.appeal", "assessment", assessmentId.toString(), null, after);
    notices.appealFiled(assessment, appeal, leaderIds(assessmentId, departmentId));
    return appeal;
  }

  /**
   * A leader's decision on the department's appeal: uphold the score, or change one item's final
   * score (0 to 100) — always with a reason.
   */
  @Transactional
  public void decide(
      Long assessmentId,
      Long departmentId,
      String decision,
      Long workItemId,
      BigDecimal newScore,
      String reason,
      CurrentUser user) {
    if (!user.has(Role.LEADER)) {
      throw new AccessDeniedException("a leader decides appeals");
    }
    AssessmentAppeal appeal =
        appeals
            .findByAssessmentIdAndDepartmentId(assessmentId, departmentId)
            .orElseThrow(() -> UserError.at("appealDecision", "assessment.decision.noAppeal"));
    if (appeal.isDecided()) {
      throw UserError.at("appealDecision", "assessment.decision.alreadyDecided");
    }
    String text = reason == null ? "" : reason.trim();
    if (text.isEmpty()) {
      throw UserError.at("decisionReason", "assessment.decision.reasonRequired");
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("department", departmentId);
    after.put("decision", decision);
    after.put("reason", text);
    Map<String, Object> before = null;
    if (AssessmentAppeal.CHANGE.equals(decision)) {
      if (workItemId == null) {
        throw UserError.at("changedItem", "assessment.decision.itemRequired");
      }
      if (newScore == null || newScore.signum() < 0 || newScore.compareTo(ItemScore.MAX) > 0) {
        throw UserError.at("newScore", "assessment.decision.scoreRange");
      }
      AssessmentItemScore score =
          departmentItem(assessmentId, departmentId, workItemId, "changedItem");
      before = Map.of("workItem", workItemId, "score", score.getFinalScore());
      BigDecimal scaled = newScore.setScale(2, java.math.RoundingMode.HALF_UP);
      score.change(scaled, text, user.getUsername());
      after.put("workItem", workItemId);
      after.put("score", scaled);
      appeal.decide(decision, text, scaled, workItemId, user.getUsername(), EngineClock.now());
    } else if (AssessmentAppeal.UPHOLD.equals(decision)) {
      appeal.decide(decision, text, null, null, user.getUsername(), EngineClock.now());
    } else {
      throw UserError.at("appealDecision", "decision.unknown");
    }
    audit.record("assessment.appeal.decide", "assessment", assessmentId.toString(), before, after);
    notices.appealDecided(assessments.findById(assessmentId).orElseThrow(NotFound::new), appeal);
  }

  /**
   * A department did not answer its score review by the deadline and the grace after it: its score
   * counts as accepted (the model's {@code reviewUnanswered} timer). Audited, once per department.
   */
  @Transactional
  public void deemAccepted(Long assessmentId, Long departmentId) {
    audit.recordAs(
        ItemHistory.SYSTEM,
        "assessment.review.deemedAccepted",
        "assessment",
        assessmentId.toString(),
        null,
        Map.of("departmentId", departmentId));
  }

  /** Publishes the results: final, visible to all departments and leaders; audited. */
  @Transactional
  public void publish(Long assessmentId, String comment, CurrentUser user) {
    publish(assessmentId, comment, user, List.of());
  }

  /**
   * Publishes the results; the departments named did not answer their review and are recorded as
   * having accepted their score.
   */
  @Transactional
  public void publish(
      Long assessmentId, String comment, CurrentUser user, List<String> unansweredDepartments) {
    if (!mayRun(user)) {
      throw new AccessDeniedException("only the supervision office publishes assessments");
    }
    Assessment assessment = assessments.findById(assessmentId).orElseThrow(NotFound::new);
    if (assessment.isPublished()) {
      throw UserError.at("publishComment", "assessment.publish.already");
    }
    assessment.published(user.getUsername(), EngineClock.now());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", Assessment.Status.PUBLISHED.name());
    if (comment != null && !comment.isBlank()) {
      after.put("comment", comment.trim());
    }
    if (!unansweredDepartments.isEmpty()) {
      after.put("unansweredReviewsCountedAsAccepted", unansweredDepartments);
    }
    audit.record(
        "assessment.publish",
        "assessment",
        assessmentId.toString(),
        Map.of("status", Assessment.Status.REVIEW.name()),
        after);
    notices.published(
        assessment,
        departmentIds(assessmentId),
        scores.findByAssessmentIdOrderByWorkItemIdAsc(assessmentId).stream()
            .map(AssessmentItemScore::getLeaderId)
            .distinct()
            .toList());
  }

  private AssessmentItemScore departmentItem(
      Long assessmentId, Long departmentId, Long workItemId, String field) {
    return scores
        .findByAssessmentIdAndWorkItemId(assessmentId, workItemId)
        .filter(s -> s.getDepartmentId().equals(departmentId))
        .orElseThrow(() -> UserError.at(field, "assessment.item.notOfDepartment"));
  }
}
