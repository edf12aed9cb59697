package org.duban.checkin;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

  Optional<CheckIn> findByWorkItemIdAndPeriod(Long workItemId, String period);

  @Query("select c.workItem.id from CheckIn c where c.period = :period")
  List<Long> findWorkItemIdsByPeriod(String period);

  List<CheckIn> findByWorkItemIdOrderByPeriodDesc(Long workItemId);

  Optional<CheckIn> findFirstByWorkItemIdAndStatusOrderByRecordedAtDesc(Long workItemId, CheckIn.Status status);
}
