package org.duban.urge;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UrgeRepository extends JpaRepository<Urge, Long> {

  long countByWorkItemIdAndUrgerAndUrgeDay(Long workItemId, String urger, LocalDate urgeDay);

  List<Urge> findByWorkItemIdOrderByUrgedAtAscIdAsc(Long workItemId);
}
