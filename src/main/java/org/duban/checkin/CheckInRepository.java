package org.duban.checkin;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

  Optional<CheckIn> findByWorkItemIdAndPeriod(Long workItemId, String period);

  @Query("select c.workItem.id from CheckIn c where c.period = :period")
  List<Long> findWorkItemIdsByPeriod(String period);

  List<CheckIn> findByWorkItemIdOrderByPeriodDesc(Long workItemId);

  Optional<CheckIn> findFirstByWorkItemIdAndStatusOrderByRecordedAtDesc(
      Long workItemId, CheckIn.Status status);

  /** Readings of these indicators in check-ins of the status, the latest period first. */
  @Query(
      "select r.indicator.id, r.value from IndicatorReading r join r.checkIn c"
          + " where r.indicator.id in :indicatorIds and c.status = :status order by c.period desc, r.id desc")
  List<Object[]> findReadingsNewestFirst(Collection<Long> indicatorIds, CheckIn.Status status);

  @Query(
      "select c.workItem.id, count(c) from CheckIn c where c.workItem.id in :itemIds and c.status = :status"
          + " group by c.workItem.id")
  List<Object[]> countByItemInStatus(Collection<Long> itemIds, CheckIn.Status status);

  long countByWorkItemIdAndStatus(Long workItemId, CheckIn.Status status);
}
