package org.duban.light;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.duban.book.WorkItem;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** What the light rules read beyond the item itself: its sub-tasks and indicator readings. */
interface LightFactsRepository extends Repository<WorkItem, Long> {

  /** An indicator's value as reported for a month. */
  record Reading(Long indicatorId, BigDecimal value, String period) {}

  @Query(
      "select count(s) from SubTask s where s.workItem.id = :itemId"
          + " and s.status = org.duban.book.SubTask.Status.OPEN and s.dueDate < :today")
  long countOverdueSubTasks(Long itemId, LocalDate today);

  @Query(
      "select count(c) from CheckIn c where c.workItem.id = :itemId"
          + " and c.status = org.duban.checkin.CheckIn.Status.SUBMITTED")
  long countSubmittedCheckIns(Long itemId);

  @Query(
      "select new org.duban.light.LightFactsRepository$Reading(r.indicator.id, r.value, c.period)"
          + " from IndicatorReading r join r.checkIn c where c.workItem.id = :itemId"
          + " and c.status = org.duban.checkin.CheckIn.Status.SUBMITTED order by c.period desc")
  List<Reading> readingsNewestFirst(Long itemId);
}
