package org.duban.board;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.duban.book.Indicator;
import org.duban.book.IndicatorEvaluation;
import org.duban.book.IndicatorEvaluator;
import org.duban.book.ItemStage;
import org.duban.book.Light;
import org.duban.book.WorkItem;
import org.duban.checkin.CheckIn;
import org.duban.infrastructure.EngineClock;
import org.duban.light.LightFactsCalculator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress against time (序时进度) per department and month, and indicators against their target lines,
 * for the board's charts: grouped queries, the expected progress computed as the light rules
 * compute it ({@link LightFactsCalculator#expectedProgress}).
 */
@Service
public class BoardProgress {

  /** How many indicators the board draws: those of red items first, then yellow. */
  static final int INDICATOR_LIMIT = 12;

  private final EntityManager em;
  private final BoardQueries queries;

  BoardProgress(EntityManager em, BoardQueries queries) {
    this.em = em;
    this.queries = queries;
  }

  /**
   * One month of a department: the average reported progress, and where the time says it should be.
   */
  public record Month(String period, int actual, int expected, long reports) {
    public int gap() {
      return actual - expected;
    }
  }

  /** A department's months, oldest first; none for a department that has never reported. */
  public record Department(String key, String label, List<Month> months) {
    /** The last month reported, or null when the department has never reported. */
    public Month latest() {
      return months.isEmpty() ? null : months.get(months.size() - 1);
    }

    public boolean reported() {
      return !months.isEmpty();
    }
  }

  /**
   * Submitted check-ins by department and month. One query grouped by department, month, book start
   * and item deadline (the two dates that set an item's expected progress), so the expectation of
   * each month is the average over the same reports the actual progress averages.
   */
  @Transactional(readOnly = true)
  public List<Department> byDepartment(BoardFilter filter) {
    BoardFilter.Where where = filter.where();
    where.and("c.status = :submitted", "submitted", CheckIn.Status.SUBMITTED);
    // an item's 序时进度 starts at its own start (WorkItem.startOfWork): its start date, issue day or
    // book start
    String jpql =
        "select d.id, d.name, c.period, b.periodStart, i.deadline, count(c), sum(c.percentDone),"
            + " i.startDate, i.issuedAt"
            + " from CheckIn c join c.workItem i join i.taskBook b join i.leadDepartment d"
            + where.jpql()
            + " group by d.id, d.name, c.period, b.periodStart, i.deadline, i.startDate, i.issuedAt";
    LocalDate today = EngineClock.today();
    Map<Long, String> names = new HashMap<>();
    Map<Long, Map<String, long[]>> sums =
        new LinkedHashMap<>(); // reports, percent sum, expected sum
    for (Object[] row : queries.query(jpql, where.parameters, Object[].class).getResultList()) {
      Long department = (Long) row[0];
      names.put(department, (String) row[1]);
      String period = (String) row[2];
      LocalDate start =
          WorkItem.startOfWork((LocalDate) row[7], (LocalDateTime) row[8], (LocalDate) row[3]);
      LocalDate deadline = (LocalDate) row[4];
      long reports = ((Number) row[5]).longValue();
      long percent = row[6] == null ? 0 : ((Number) row[6]).longValue();
      LocalDate asOf = asOf(period, today);
      int expected = LightFactsCalculator.expectedProgress(start, deadline, asOf);
      long[] sum =
          sums.computeIfAbsent(department, d -> new TreeMap<>())
              .computeIfAbsent(period, p -> new long[3]);
      sum[0] += reports;
      sum[1] += percent;
      sum[2] += expected * reports;
    }
    List<Department> departments = new ArrayList<>();
    sums.forEach(
        (department, months) ->
            departments.add(
                new Department(
                    department.toString(),
                    names.get(department),
                    months.entrySet().stream()
                        .map(
                            e ->
                                new Month(
                                    e.getKey(),
                                    average(e.getValue()[1], e.getValue()[0]),
                                    average(e.getValue()[2], e.getValue()[0]),
                                    e.getValue()[0]))
                        .toList())));
    departments.sort(
        Comparator.comparingInt((Department d) -> d.latest().gap())
            .thenComparing(Department::label));
    departments.addAll(0, neverReported(filter, departments));
    return departments;
  }

  /**
   * Departments leading open items under the filter that have not submitted one check-in for them:
   * the furthest behind of all, so they head the ranking instead of being missing from it.
   */
  private List<Department> neverReported(BoardFilter filter, List<Department> reporting) {
    BoardFilter.Where where = filter.where();
    where.and("i.stage <> :closedStage", "closedStage", ItemStage.CLOSED);
    String jpql =
        "select distinct d.id, d.name from WorkItem i join i.leadDepartment d" + where.jpql();
    java.util.Set<String> reported =
        reporting.stream().map(Department::key).collect(Collectors.toSet());
    return queries.query(jpql, where.parameters, Object[].class).getResultList().stream()
        .filter(row -> !reported.contains(row[0].toString()))
        .map(row -> new Department(row[0].toString(), (String) row[1], List.of()))
        .sorted(Comparator.comparing(Department::label))
        .toList();
  }

  /** The day a month's reports are held against: its last day, or today in the current month. */
  static LocalDate asOf(String period, LocalDate today) {
    LocalDate end = YearMonth.parse(period).atEndOfMonth();
    return end.isAfter(today) ? today : end;
  }

  private static int average(long sum, long count) {
    return count == 0 ? 0 : (int) Math.round(sum / (double) count);
  }

  /**
   * One indicator's readings, each with the line it is judged against, as the item page judges it.
   */
  public record IndicatorSeries(
      Long itemId,
      String item,
      String department,
      String title,
      String unit,
      BigDecimal target,
      BigDecimal baseline,
      List<String> periods,
      List<BigDecimal> values,
      List<BigDecimal> expected,
      List<Boolean> met,
      List<Boolean> onSchedule,
      String notReportedBy) {}

  /**
   * The indicators of the filtered items, red items' first, at most {@value #INDICATOR_LIMIT}:
   * three queries (indicators with their items, their annual targets, their readings).
   */
  @Transactional(readOnly = true)
  public List<IndicatorSeries> indicators(BoardFilter filter) {
    BoardFilter.Where where = filter.where();
    where.parameters.put("closed", ItemStage.CLOSED);
    where.parameters.put("red", Light.RED);
    where.parameters.put("yellow", Light.YELLOW);
    String jpql =
        "select ind from Indicator ind join fetch ind.workItem i join fetch i.taskBook"
            + " left join fetch i.leadDepartment"
            + where.jpql()
            + " order by case when i.stage = :closed then 3 when i.light = :red then 0 when i.light = :yellow then 1"
            + " else 2 end, i.id, ind.id";
    List<Indicator> indicators =
        queries
            .query(jpql, where.parameters, Indicator.class)
            .setMaxResults(INDICATOR_LIMIT)
            .getResultList();
    if (indicators.isEmpty()) {
      return List.of();
    }
    List<Long> ids = indicators.stream().map(Indicator::getId).toList();
    em.createQuery(
            "select distinct ind from Indicator ind left join fetch ind.yearTargets where ind.id in :ids",
            Indicator.class)
        .setParameter("ids", ids)
        .getResultList();
    Map<Long, List<Object[]>> readings =
        em
            .createQuery(
                "select r.indicator.id, c.period, r.value from IndicatorReading r join r.checkIn c"
                    + " where r.indicator.id in :ids and c.status = :submitted order by c.period",
                Object[].class)
            .setParameter("ids", ids)
            .setParameter("submitted", CheckIn.Status.SUBMITTED)
            .getResultList()
            .stream()
            .collect(
                Collectors.groupingBy(r -> (Long) r[0], LinkedHashMap::new, Collectors.toList()));
    return indicators.stream()
        .map(indicator -> series(indicator, readings.getOrDefault(indicator.getId(), List.of())))
        .toList();
  }

  private static IndicatorSeries series(Indicator indicator, List<Object[]> readings) {
    var item = indicator.getWorkItem();
    LocalDate start = item.startOfWork();
    long total = Math.max(1, ChronoUnit.DAYS.between(start, item.getDeadline()));
    List<String> periods = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    List<BigDecimal> expected = new ArrayList<>();
    List<Boolean> met = new ArrayList<>();
    List<Boolean> onSchedule = new ArrayList<>();
    for (Object[] reading : readings) {
      String period = (String) reading[1];
      BigDecimal value = (BigDecimal) reading[2];
      YearMonth month = YearMonth.parse(period);
      double elapsed = ChronoUnit.DAYS.between(start, month.atEndOfMonth()) / (double) total;
      IndicatorEvaluation evaluation =
          IndicatorEvaluator.evaluate(indicator, value, month.getYear(), elapsed);
      periods.add(period);
      values.add(value);
      expected.add(evaluation.expected());
      met.add(evaluation.met());
      onSchedule.add(evaluation.onSchedule());
    }
    BigDecimal target =
        indicator.getDirection().isTrend()
            ? null
            : indicator.targetFor(item.getTaskBook().getYear());
    return new IndicatorSeries(
        item.getId(),
        item.getSeq() + ". " + item.getTitle(),
        item.getLeadDepartment() == null ? null : item.getLeadDepartment().getName(),
        indicator.describe(),
        indicator.getUnit(),
        target,
        indicator.getBaseline(),
        periods,
        values,
        expected,
        met,
        onSchedule,
        // a card without readings says who owes them: the lead department reports the readings
        values.isEmpty() && item.getLeadDepartment() != null
            ? item.getLeadDepartment().getName()
            : null);
  }
}
