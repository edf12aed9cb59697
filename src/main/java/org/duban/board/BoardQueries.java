package org.duban.board;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duban.book.ItemStage;
import org.duban.book.Light;
import org.duban.book.TaskBookStatus;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.Escalation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's numbers, each from one aggregate query over the items a {@link BoardFilter} selects
 * (grouped by stage and light, never item by item), so that the board costs the same few queries
 * for ten items or ten thousand.
 */
@Service
public class BoardQueries {

  /** The rows of the board: the whole hospital, or one row per area, department or leader. */
  public enum Dimension {
    HOSPITAL(null, null, ""),
    AREA("a.name", "a.name", " left join i.goalArea a"),
    DEPARTMENT("d.id", "d.name", " left join i.leadDepartment d"),
    LEADER("p.id", "p.fullName", " left join i.leaderInCharge p");

    private final String key;
    private final String label;
    private final String join;

    Dimension(String key, String label, String join) {
      this.key = key;
      this.label = label;
      this.join = join;
    }
  }

  static final String OPEN_NOTICE =
      "exists (select n.id from SupervisionNotice n, Escalation e"
          + " where n.workItemId = i.id and e.id = n.escalationId and e.status = :escalationOpen)";

  private final EntityManager em;

  BoardQueries(EntityManager em) {
    this.em = em;
  }

  /** The hospital's (or the filtered scope's) counts. */
  @Transactional(readOnly = true)
  public LightCounts total(BoardFilter filter) {
    List<LightCounts> rows = counts(filter, Dimension.HOSPITAL);
    return rows.isEmpty() ? new LightCounts("", "", 0, 0, 0, 0, 0, 0, 0) : rows.get(0);
  }

  /**
   * Counts by bucket, one row per key of the dimension, worst first (most red, then yellow): two
   * queries, one grouped by key, stage and light, one for the items with an open notice.
   */
  @Transactional(readOnly = true)
  public List<LightCounts> counts(BoardFilter filter, Dimension dimension) {
    BoardFilter.Where where = filter.where();
    where.parameters.put("closed", ItemStage.CLOSED);
    where.parameters.put("today", EngineClock.today());
    String keyed = dimension.key == null ? "" : dimension.key + ", " + dimension.label + ", ";
    String jpql =
        "select "
            + keyed
            + "i.stage, i.light, count(i),"
            + " sum(case when i.stage <> :closed and i.deadline < :today then 1 else 0 end)"
            + " from WorkItem i"
            + dimension.join
            + where.jpql()
            + " group by "
            + keyed
            + "i.stage, i.light";
    Map<Object, Tally> tallies = new LinkedHashMap<>();
    for (Object[] row : query(jpql, where.parameters, Object[].class).getResultList()) {
      int k = dimension.key == null ? 0 : 2;
      Object key = k == 0 ? "" : row[0];
      Tally tally =
          tallies.computeIfAbsent(
              key, x -> new Tally(Objects.toString(key, ""), k == 0 ? "" : (String) row[1]));
      ItemStage stage = (ItemStage) row[k];
      Light light = (Light) row[k + 1];
      long count = ((Number) row[k + 2]).longValue();
      long overdue = row[k + 3] == null ? 0 : ((Number) row[k + 3]).longValue();
      tally.add(stage, light, count, overdue);
    }
    BoardFilter.Where noticed = filter.where();
    noticed.and(OPEN_NOTICE, "escalationOpen", Escalation.Status.OPEN);
    String keyOnly = dimension.key == null ? "" : dimension.key + ", ";
    String notices =
        "select "
            + keyOnly
            + "count(i) from WorkItem i"
            + dimension.join
            + noticed.jpql()
            + (dimension.key == null ? "" : " group by " + dimension.key);
    for (Object[] row : query(notices, noticed.parameters, Object[].class).getResultList()) {
      Object key = dimension.key == null ? "" : row[0];
      Tally tally = tallies.get(key);
      if (tally != null) {
        tally.notices = ((Number) row[row.length - 1]).longValue();
      }
    }
    return tallies.values().stream()
        .map(Tally::counts)
        .sorted(
            Comparator.comparingLong(LightCounts::red)
                .reversed()
                .thenComparing(Comparator.comparingLong(LightCounts::yellow).reversed())
                .thenComparing(LightCounts::label, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** The items of one bucket, a page at a time, in the order of the book's decomposition table. */
  @Transactional(readOnly = true)
  public List<BoardItemRow> items(BoardFilter filter, Bucket bucket, int first, int max) {
    BoardFilter.Where where = bucketWhere(filter, bucket);
    String jpql =
        "select new org.duban.board.BoardItemRow(i.id, i.seq, i.title, b.title, a.name, d.name,"
            + " p.fullName, i.stage, i.light, i.lightReason, i.lightReasonKey, i.lightReasonArgs, i.deadline, i.percentDone,"
            + " (select count(c) from CheckIn c where c.workItem.id = i.id"
            + " and c.status = org.duban.checkin.CheckIn.Status.SUBMITTED))"
            + " from WorkItem i join i.taskBook b left join i.goalArea a left join i.leadDepartment d"
            + " left join i.leaderInCharge p"
            + where.jpql()
            + " order by b.id, i.id";
    return query(jpql, where.parameters, BoardItemRow.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The obstacles (制约问题) each item reported in its latest check-in that named any: why it is
   * behind, in the department's words. One query for a page of items.
   */
  @Transactional(readOnly = true)
  public Map<Long, String> latestObstacles(List<Long> itemIds) {
    Map<Long, String> obstacles = new LinkedHashMap<>();
    if (itemIds.isEmpty()) {
      return obstacles;
    }
    em.createQuery(
            "select c.workItem.id, c.obstacles from CheckIn c where c.workItem.id in :ids"
                + " and c.status = :submitted and c.obstacles is not null and c.obstacles <> '' order by c.period desc",
            Object[].class)
        .setParameter("ids", itemIds)
        .setParameter("submitted", org.duban.checkin.CheckIn.Status.SUBMITTED)
        .getResultList()
        .forEach(row -> obstacles.putIfAbsent((Long) row[0], (String) row[1]));
    return obstacles;
  }

  @Transactional(readOnly = true)
  public long countItems(BoardFilter filter, Bucket bucket) {
    BoardFilter.Where where = bucketWhere(filter, bucket);
    return query("select count(i) from WorkItem i" + where.jpql(), where.parameters, Long.class)
        .getSingleResult();
  }

  private static BoardFilter.Where bucketWhere(BoardFilter filter, Bucket bucket) {
    BoardFilter.Where where = filter.where();
    switch (bucket) {
      case ALL -> {}
      case RED, YELLOW, GREEN ->
          where
              .and("i.stage <> :closed", "closed", ItemStage.CLOSED)
              .and("i.light = :light", "light", Light.valueOf(bucket.name()));
      case NONE ->
          where.and("i.stage <> :closed", "closed", ItemStage.CLOSED).and("i.light is null");
      case CLOSED -> where.and("i.stage = :closed", "closed", ItemStage.CLOSED);
      case OVERDUE ->
          where
              .and("i.stage <> :closed", "closed", ItemStage.CLOSED)
              .and("i.deadline < :today", "today", EngineClock.today());
      case NOTICE -> where.and(OPEN_NOTICE, "escalationOpen", Escalation.Status.OPEN);
    }
    return where;
  }

  /** A choice in a filter's drop-down. */
  public record Option(String value, String label) {}

  /** Issued and closed books, newest year first. */
  @Transactional(readOnly = true)
  public List<Option> books(Long departmentOnly) {
    String jpql =
        "select b.id, b.title, b.year from TaskBook b where b.status in :statuses"
            + (departmentOnly == null
                ? ""
                : " and exists (select i.id from WorkItem i where i.taskBook = b"
                    + " and i.leadDepartment.id = :department)")
            + " order by b.year desc, b.id desc";
    TypedQuery<Object[]> query =
        em.createQuery(jpql, Object[].class)
            .setParameter("statuses", List.of(TaskBookStatus.ISSUED, TaskBookStatus.CLOSED));
    if (departmentOnly != null) {
      query.setParameter("department", departmentOnly);
    }
    return query.getResultList().stream()
        .map(r -> new Option(r[0].toString(), r[2] + " " + r[1]))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Integer> years() {
    return em.createQuery(
            "select distinct b.year from TaskBook b where b.status in :statuses order by b.year desc",
            Integer.class)
        .setParameter("statuses", List.of(TaskBookStatus.ISSUED, TaskBookStatus.CLOSED))
        .getResultList();
  }

  @Transactional(readOnly = true)
  public List<String> areas() {
    return em.createQuery(
            "select distinct a.name from GoalArea a where a.taskBook.status in :statuses order by a.name",
            String.class)
        .setParameter("statuses", List.of(TaskBookStatus.ISSUED, TaskBookStatus.CLOSED))
        .getResultList();
  }

  /** Departments that lead issued items. */
  @Transactional(readOnly = true)
  public List<Option> departments() {
    return options(
        "select distinct d.id, d.name from WorkItem i join i.leadDepartment d where i.stage <> :draft"
            + " order by d.name");
  }

  /** Leaders in charge of issued items. */
  @Transactional(readOnly = true)
  public List<Option> leaders() {
    return options(
        "select distinct p.id, p.fullName from WorkItem i join i.leaderInCharge p where i.stage <> :draft"
            + " order by p.fullName");
  }

  private List<Option> options(String jpql) {
    return em
        .createQuery(jpql, Object[].class)
        .setParameter("draft", ItemStage.DRAFT)
        .getResultList()
        .stream()
        .map(r -> new Option(r[0].toString(), (String) r[1]))
        .toList();
  }

  <T> TypedQuery<T> query(String jpql, Map<String, Object> parameters, Class<T> type) {
    TypedQuery<T> query = em.createQuery(jpql, type);
    parameters.forEach(
        (name, value) -> {
          if (jpql.contains(":" + name)) {
            query.setParameter(name, value);
          }
        });
    return query;
  }

  /** Adds up the rows of one key. */
  private static final class Tally {
    final String key;
    final String label;
    long red, yellow, green, none, closed, overdue, notices;

    Tally(String key, String label) {
      this.key = key;
      this.label = label;
    }

    void add(ItemStage stage, Light light, long count, long overdueCount) {
      if (stage == ItemStage.CLOSED) {
        closed += count;
        return;
      }
      overdue += overdueCount;
      if (light == null) {
        none += count;
      } else {
        switch (light) {
          case RED -> red += count;
          case YELLOW -> yellow += count;
          case GREEN -> green += count;
        }
      }
    }

    LightCounts counts() {
      return new LightCounts(key, label, red, yellow, green, none, closed, overdue, notices);
    }
  }
}
