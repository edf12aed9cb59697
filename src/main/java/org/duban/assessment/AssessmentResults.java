package org.duban.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookRepository;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.NotFound;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results of an assessment as pages, the export and the book page read them: each item's score with
 * its reasons, each department's and each leader's weighted score.
 */
@Service("assessmentResults")
public class AssessmentResults {

  private final AssessmentRepository assessments;
  private final AssessmentWeightRepository weights;
  private final AssessmentItemScoreRepository scores;
  private final AssessmentAppealRepository appeals;
  private final TaskBookRepository books;
  private final WorkItemRepository items;
  private final DepartmentRepository departments;
  private final PersonRepository people;

  AssessmentResults(
      AssessmentRepository assessments,
      AssessmentWeightRepository weights,
      AssessmentItemScoreRepository scores,
      AssessmentAppealRepository appeals,
      TaskBookRepository books,
      WorkItemRepository items,
      DepartmentRepository departments,
      PersonRepository people) {
    this.assessments = assessments;
    this.weights = weights;
    this.scores = scores;
    this.appeals = appeals;
    this.books = books;
    this.items = items;
    this.departments = departments;
    this.people = people;
  }

  /** One item's score as shown. */
  public record ItemRow(
      Long workItemId,
      String seq,
      String title,
      String area,
      Long departmentId,
      String department,
      String leader,
      String completion,
      int indicatorAttainment,
      int rectificationsOpen,
      int rectificationsSignedOff,
      int missedCheckIns,
      BigDecimal originalScore,
      BigDecimal finalScore,
      String reasons,
      String changeReason) {

    public boolean changed() {
      return originalScore.compareTo(finalScore) != 0;
    }
  }

  /**
   * A department's weighted score, its items, its appeal (or null) and its rank (equal scores share
   * a rank: 1, 2, 2, 4).
   */
  public record DepartmentResult(
      Long departmentId,
      String name,
      BigDecimal score,
      List<ItemRow> items,
      AssessmentAppeal appeal,
      int rank) {

    DepartmentResult ranked(int rank) {
      return new DepartmentResult(departmentId, name, score, items, appeal, rank);
    }
  }

  /** A leader's weighted score over the items they are in charge of, and the leader's rank. */
  public record LeaderResult(
      Long personId, String name, BigDecimal score, int itemCount, int rank) {

    LeaderResult ranked(int rank) {
      return new LeaderResult(personId, name, score, itemCount, rank);
    }
  }

  public record WeightRow(Long goalAreaId, String area, int weight) {}

  public record Overview(
      Assessment assessment,
      String bookTitle,
      List<WeightRow> weights,
      List<DepartmentResult> departments,
      List<LeaderResult> leaders) {

    public DepartmentResult department(Long departmentId) {
      return departments.stream()
          .filter(d -> d.departmentId().equals(departmentId))
          .findFirst()
          .orElse(null);
    }
  }

  @Transactional(readOnly = true)
  public Assessment assessment(Long assessmentId) {
    return assessments.findById(assessmentId).orElseThrow(NotFound::new);
  }

  /** Whether the assessment's results are published; NotFound (404) for an unknown id. */
  @Transactional(readOnly = true)
  public boolean isPublished(Long assessmentId) {
    return assessment(assessmentId).isPublished();
  }

  /** The id of the book's assessment, or null: the book page links to it. */
  @Transactional(readOnly = true)
  public Long assessmentIdOfBook(Long taskBookId) {
    return assessments.findByTaskBookId(taskBookId).map(Assessment::getId).orElse(null);
  }

  @Transactional(readOnly = true)
  public List<Assessment> all() {
    return assessments.findAllByOrderByYearDescIdDesc();
  }

  @Transactional(readOnly = true)
  public Map<Long, String> bookTitles() {
    return books.findAll().stream().collect(Collectors.toMap(TaskBook::getId, TaskBook::getTitle));
  }

  @Transactional(readOnly = true)
  public Overview overview(Long assessmentId) {
    Assessment assessment = assessment(assessmentId);
    List<AssessmentWeight> weightRows =
        weights.findByAssessmentIdOrderByGoalAreaIdAsc(assessmentId);
    Map<Long, Integer> weightByArea =
        weightRows.stream()
            .collect(
                Collectors.toMap(AssessmentWeight::getGoalAreaId, AssessmentWeight::getWeight));
    Map<Long, String> areaNames =
        weightRows.stream()
            .collect(
                Collectors.toMap(AssessmentWeight::getGoalAreaId, AssessmentWeight::getAreaName));
    List<AssessmentItemScore> all = scores.findByAssessmentIdOrderByWorkItemIdAsc(assessmentId);
    Map<Long, WorkItem> itemById =
        items.findAllById(all.stream().map(AssessmentItemScore::getWorkItemId).toList()).stream()
            .collect(Collectors.toMap(WorkItem::getId, Function.identity()));
    Map<Long, Department> departmentById = new HashMap<>();
    departments
        .findAllById(all.stream().map(AssessmentItemScore::getDepartmentId).distinct().toList())
        .forEach(d -> departmentById.put(d.getId(), d));
    Map<Long, Person> leaderById = new HashMap<>();
    people
        .findAllById(all.stream().map(AssessmentItemScore::getLeaderId).distinct().toList())
        .forEach(p -> leaderById.put(p.getId(), p));
    Map<Long, AssessmentAppeal> appealByDepartment =
        appeals.findByAssessmentIdOrderByIdAsc(assessmentId).stream()
            .collect(Collectors.toMap(AssessmentAppeal::getDepartmentId, Function.identity()));

    Map<Long, List<AssessmentItemScore>> byDepartment = new LinkedHashMap<>();
    Map<Long, List<AssessmentItemScore>> byLeader = new LinkedHashMap<>();
    for (AssessmentItemScore score : all) {
      byDepartment.computeIfAbsent(score.getDepartmentId(), k -> new ArrayList<>()).add(score);
      byLeader.computeIfAbsent(score.getLeaderId(), k -> new ArrayList<>()).add(score);
    }
    List<DepartmentResult> departmentResults = new ArrayList<>();
    byDepartment.forEach(
        (departmentId, list) -> {
          List<ItemRow> rows =
              list.stream()
                  .map(
                      s ->
                          row(
                              s,
                              itemById.get(s.getWorkItemId()),
                              areaNames,
                              departmentById.get(s.getDepartmentId()),
                              leaderById.get(s.getLeaderId())))
                  .toList();
          departmentResults.add(
              new DepartmentResult(
                  departmentId,
                  departmentById.get(departmentId).getName(),
                  WeightedScores.of(list, weightByArea),
                  rows,
                  appealByDepartment.get(departmentId),
                  0));
        });
    departmentResults.sort(
        Comparator.comparing(DepartmentResult::score, Comparator.reverseOrder())
            .thenComparing(DepartmentResult::departmentId));
    List<LeaderResult> leaderResults = new ArrayList<>();
    byLeader.forEach(
        (leaderId, list) ->
            leaderResults.add(
                new LeaderResult(
                    leaderId,
                    leaderById.get(leaderId).getFullName(),
                    WeightedScores.of(list, weightByArea),
                    list.size(),
                    0)));
    leaderResults.sort(
        Comparator.comparing(LeaderResult::score, Comparator.reverseOrder())
            .thenComparing(LeaderResult::personId));
    int[] departmentRanks =
        Ranks.competition(departmentResults.stream().map(DepartmentResult::score).toList());
    for (int i = 0; i < departmentRanks.length; i++) {
      departmentResults.set(i, departmentResults.get(i).ranked(departmentRanks[i]));
    }
    int[] leaderRanks = Ranks.competition(leaderResults.stream().map(LeaderResult::score).toList());
    for (int i = 0; i < leaderRanks.length; i++) {
      leaderResults.set(i, leaderResults.get(i).ranked(leaderRanks[i]));
    }
    List<WeightRow> weightList =
        weightRows.stream()
            .map(w -> new WeightRow(w.getGoalAreaId(), w.getAreaName(), w.getWeight()))
            .toList();
    String bookTitle =
        books.findById(assessment.getTaskBookId()).map(TaskBook::getTitle).orElse("");
    return new Overview(assessment, bookTitle, weightList, departmentResults, leaderResults);
  }

  private static ItemRow row(
      AssessmentItemScore s,
      WorkItem item,
      Map<Long, String> areaNames,
      Department department,
      Person leader) {
    return new ItemRow(
        s.getWorkItemId(),
        item == null ? "" : item.getSeq(),
        item == null ? "" : item.getTitle(),
        areaNames.getOrDefault(s.getGoalAreaId(), ""),
        s.getDepartmentId(),
        department == null ? "" : department.getName(),
        leader == null ? "" : leader.getFullName(),
        s.getCompletion(),
        s.getIndicatorAttainment(),
        s.getRectificationsOpen(),
        s.getRectificationsSignedOff(),
        s.getMissedCheckIns(),
        s.getOriginalScore(),
        s.getFinalScore(),
        s.getReasons(),
        s.getChangeReason());
  }

  /**
   * Last year's published department scores beside each department on a book's page: the latest
   * published assessment of a book of the year before, by department id; empty when there is none.
   */
  @Transactional(readOnly = true)
  public Map<Long, BigDecimal> lastYearByDepartment(Long taskBookId) {
    TaskBook book = books.findById(taskBookId).orElse(null);
    if (book == null) {
      return Map.of();
    }
    List<Assessment> published =
        assessments.findByYearAndStatusOrderByPublishedAtDesc(
            book.getYear() - 1, Assessment.Status.PUBLISHED);
    Map<Long, BigDecimal> result = new HashMap<>();
    for (Assessment assessment : published) {
      for (DepartmentResult department : overview(assessment.getId()).departments()) {
        result.putIfAbsent(department.departmentId(), department.score());
      }
    }
    return result;
  }
}
