package org.duban.report;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duban.book.Light;
import org.duban.book.WorkItem;
import org.duban.infrastructure.MessageTexts;
import org.duban.ladder.Escalation;
import org.duban.ladder.SupervisionNotice;
import org.duban.rectification.Rectification;
import org.duban.report.ReportContent.ClosedLine;
import org.duban.report.ReportContent.DepartmentLights;
import org.duban.report.ReportContent.NoticeLine;
import org.duban.report.ReportContent.OverdueLine;
import org.duban.report.ReportContent.SignOffLine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one week out of the supervision records. Read-only queries over the supervision and
 * work-item entities, in this class alone, so the report depends on those tables' meaning but
 * changes none of them.
 */
@Component
class ReportCompiler {

  @PersistenceContext private EntityManager em;

  @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
  ReportContent compile(ReportWeek week, LocalDateTime now) {
    LocalDateTime start = week.start();
    // a report of the running week tells what happened so far
    LocalDateTime end = week.isOverAt(now) ? week.end() : now;
    LocalDate cutoff = week.isOverAt(now) ? week.sunday() : now.toLocalDate();
    return new ReportContent(
        now,
        cutoff,
        lights(end),
        newNotices(start, end),
        closed(start, end),
        signedOff(start, end),
        overdue(end, cutoff));
  }

  /**
   * Items issued before the end and not closed by then, per lead department, by their light as it
   * stands now: run after the Monday sweep, that is the light of the week just over.
   */
  private List<DepartmentLights> lights(LocalDateTime end) {
    List<Object[]> rows =
        em.createQuery(
                "select d.id, d.name, w.light, count(w) from WorkItem w join w.leadDepartment d"
                    + " where w.issuedAt is not null and w.issuedAt < :end"
                    + " and (w.closedAt is null or w.closedAt >= :end)"
                    // a cancelled (撤销) item is a withdrawn target, not an open one
                    + " and w.stage <> org.duban.book.ItemStage.CANCELLED"
                    + " group by d.id, d.name, w.light",
                Object[].class)
            .setParameter("end", end)
            .getResultList();
    Map<Long, int[]> counts = new LinkedHashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (Object[] row : rows) {
      Long department = (Long) row[0];
      names.put(department, (String) row[1]);
      int[] byLight = counts.computeIfAbsent(department, id -> new int[4]);
      Light light = (Light) row[2];
      byLight[column(light)] += ((Number) row[3]).intValue();
    }
    return counts.entrySet().stream()
        .map(
            e ->
                new DepartmentLights(
                    names.get(e.getKey()),
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[2],
                    e.getValue()[3]))
        .sorted(
            Comparator.comparingInt(DepartmentLights::red)
                .reversed()
                .thenComparing(Comparator.comparingInt(DepartmentLights::yellow).reversed())
                .thenComparing(DepartmentLights::department))
        .toList();
  }

  private static int column(Light light) {
    if (light == null) {
      return 3;
    }
    return switch (light) {
      case RED -> 0;
      case YELLOW -> 1;
      case GREEN -> 2;
    };
  }

  private List<NoticeLine> newNotices(LocalDateTime start, LocalDateTime end) {
    List<SupervisionNotice> notices =
        em.createQuery(
                "select n from SupervisionNotice n where n.issuedAt >= :start and n.issuedAt < :end"
                    + " order by n.issuedAt, n.id",
                SupervisionNotice.class)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList();
    Map<Long, WorkItem> items =
        items(notices.stream().map(SupervisionNotice::getWorkItemId).toList());
    Map<Long, String> departments =
        departmentNames(notices.stream().map(SupervisionNotice::getDepartmentId).toList());
    return notices.stream()
        .map(
            n ->
                new NoticeLine(
                    n.number(MessageTexts.DEFAULT),
                    n.getWorkItemId(),
                    label(items.get(n.getWorkItemId())),
                    departments.get(n.getDepartmentId()),
                    n.requirementIn(MessageTexts.DEFAULT),
                    n.getDeadline(),
                    n.getIssuedAt(),
                    n.getLevel() == null ? null : n.getLevel().name()))
        .toList();
  }

  private List<ClosedLine> closed(LocalDateTime start, LocalDateTime end) {
    List<Escalation> escalations =
        em.createQuery(
                "select e from Escalation e where e.closedAt >= :start and e.closedAt < :end order by e.closedAt, e.id",
                Escalation.class)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList();
    Map<Long, WorkItem> items = items(escalations.stream().map(Escalation::getWorkItemId).toList());
    Map<Long, List<SupervisionNotice>> notices =
        noticesOf(escalations.stream().map(Escalation::getId).toList());
    return escalations.stream()
        .map(
            e -> {
              WorkItem item = items.get(e.getWorkItemId());
              String numbers =
                  notices.getOrDefault(e.getId(), List.of()).stream()
                      .map(SupervisionNotice::number)
                      .collect(Collectors.joining("、"));
              return new ClosedLine(
                  e.getWorkItemId(),
                  label(item),
                  item.getLeadDepartment().getName(),
                  numbers,
                  e.getStatus().name(),
                  e.getClosedAt());
            })
        .toList();
  }

  private List<SignOffLine> signedOff(LocalDateTime start, LocalDateTime end) {
    List<Rectification> rectifications =
        em.createQuery(
                "select r from Rectification r where r.signedOffAt >= :start and r.signedOffAt < :end"
                    + " order by r.signedOffAt, r.id",
                Rectification.class)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList();
    Map<Long, Escalation> escalations =
        escalations(rectifications.stream().map(Rectification::getEscalationId).toList());
    Map<Long, WorkItem> items =
        items(escalations.values().stream().map(Escalation::getWorkItemId).toList());
    Map<Long, List<SupervisionNotice>> notices = noticesOf(escalations.keySet());
    List<SignOffLine> lines = new ArrayList<>();
    for (Rectification r : rectifications) {
      Escalation escalation = escalations.get(r.getEscalationId());
      WorkItem item = items.get(escalation.getWorkItemId());
      lines.add(
          new SignOffLine(
              lastNumber(notices.get(escalation.getId())),
              item.getId(),
              label(item),
              item.getLeadDepartment().getName(),
              r.getSignedOffBy(),
              r.getSignedOffAt()));
    }
    return lines;
  }

  /**
   * Rectifications not signed off by the end whose deadline passed before the cutoff day: the
   * plan's deadline, or while no plan was accepted yet, the notice's deadline for it.
   */
  private List<OverdueLine> overdue(LocalDateTime end, LocalDate cutoff) {
    List<Rectification> candidates =
        em.createQuery(
                "select r from Rectification r, Escalation e where e.id = r.escalationId"
                    + " and (r.signedOffAt is null or r.signedOffAt >= :end)"
                    + " and e.openedAt < :end and (e.closedAt is null or e.closedAt >= :end)",
                Rectification.class)
            .setParameter("end", end)
            .getResultList();
    Map<Long, Escalation> escalations =
        escalations(candidates.stream().map(Rectification::getEscalationId).toList());
    Map<Long, List<SupervisionNotice>> notices = noticesOf(escalations.keySet());
    Map<Long, WorkItem> items =
        items(escalations.values().stream().map(Escalation::getWorkItemId).toList());
    List<OverdueLine> lines = new ArrayList<>();
    for (Rectification r : candidates) {
      List<SupervisionNotice> issued =
          notices.getOrDefault(r.getEscalationId(), List.of()).stream()
              .filter(n -> n.getIssuedAt().isBefore(end))
              .toList();
      if (issued.isEmpty()) {
        continue;
      }
      SupervisionNotice notice = issued.get(issued.size() - 1);
      LocalDate deadline = r.getDeadline() != null ? r.getDeadline() : notice.getDeadline();
      if (deadline == null || !deadline.isBefore(cutoff)) {
        continue;
      }
      WorkItem item = items.get(escalations.get(r.getEscalationId()).getWorkItemId());
      lines.add(
          new OverdueLine(
              notice.number(MessageTexts.DEFAULT),
              item.getId(),
              label(item),
              item.getLeadDepartment().getName(),
              deadline,
              ChronoUnit.DAYS.between(deadline, cutoff),
              r.getStatus().name()));
    }
    lines.sort(Comparator.comparing(OverdueLine::deadline).thenComparing(OverdueLine::itemId));
    return lines;
  }

  private static String label(WorkItem item) {
    return item.getSeq() + ". " + item.getTitle();
  }

  private static String lastNumber(List<SupervisionNotice> notices) {
    return notices == null || notices.isEmpty()
        ? ""
        : notices.get(notices.size() - 1).number(MessageTexts.DEFAULT);
  }

  private Map<Long, WorkItem> items(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery(
            "select w from WorkItem w join fetch w.leadDepartment where w.id in :ids",
            WorkItem.class)
        .setParameter("ids", ids.stream().distinct().toList())
        .getResultList()
        .stream()
        .collect(Collectors.toMap(WorkItem::getId, w -> w));
  }

  private Map<Long, String> departmentNames(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery("select d.id, d.name from Department d where d.id in :ids", Object[].class)
        .setParameter("ids", ids.stream().distinct().toList())
        .getResultList()
        .stream()
        .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
  }

  private Map<Long, Escalation> escalations(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery("select e from Escalation e where e.id in :ids", Escalation.class)
        .setParameter("ids", ids.stream().distinct().toList())
        .getResultList()
        .stream()
        .collect(Collectors.toMap(Escalation::getId, e -> e));
  }

  /** Notices per escalation, oldest first. */
  private Map<Long, List<SupervisionNotice>> noticesOf(Collection<Long> escalationIds) {
    if (escalationIds.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery(
            "select n from SupervisionNotice n where n.escalationId in :ids order by n.issuedAt, n.id",
            SupervisionNotice.class)
        .setParameter("ids", escalationIds.stream().distinct().toList())
        .getResultList()
        .stream()
        .collect(
            Collectors.groupingBy(
                SupervisionNotice::getEscalationId, LinkedHashMap::new, Collectors.toList()));
  }
}
