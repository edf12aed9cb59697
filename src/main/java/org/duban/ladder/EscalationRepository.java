package org.duban.ladder;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.duban.rectification.Rectification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

  Optional<Escalation> findByOpenItemId(Long workItemId);

  List<Escalation> findByStatusOrderByOpenedAtDesc(Escalation.Status status);

  List<Escalation> findByWorkItemIdOrderByOpenedAtDesc(Long workItemId);

  // Rectifications by their escalation: the ladder owns escalations and knows rectifications, not
  // the
  // other way round. The states are bound as enum constants (RectificationCounts), never spelled
  // here.

  @Query(
      "select e.workItemId, count(r) from Rectification r join Escalation e on e.id = r.escalationId"
          + " where e.workItemId in :itemIds and e.status = :escalation and r.status <> :rectification"
          + " group by e.workItemId")
  List<Object[]> countRectificationsByItemInEscalationStatusAndStatusNot(
      Collection<Long> itemIds, Escalation.Status escalation, Rectification.Status rectification);

  @Query(
      "select e.workItemId, count(r) from Rectification r join Escalation e on e.id = r.escalationId"
          + " where e.workItemId in :itemIds and r.status = :rectification group by e.workItemId")
  List<Object[]> countRectificationsByItemInStatus(
      Collection<Long> itemIds, Rectification.Status rectification);

  @Query(
      "select count(r) from Rectification r join Escalation e on e.id = r.escalationId"
          + " where e.status = :escalation and r.status <> :rectification and r.deadline < :day")
  long countRectificationsDueBefore(
      LocalDate day, Escalation.Status escalation, Rectification.Status rectification);
}
