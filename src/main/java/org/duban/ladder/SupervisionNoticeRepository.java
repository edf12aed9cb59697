package org.duban.ladder;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupervisionNoticeRepository extends JpaRepository<SupervisionNotice, Long> {

  List<SupervisionNotice> findByEscalationIdOrderByIssuedAtAsc(Long escalationId);

  List<SupervisionNotice> findByWorkItemIdOrderByIssuedAtAsc(Long workItemId);

  @Query(
      "select count(n) from SupervisionNotice n join Escalation e on e.id = n.escalationId where e.status = :status")
  long countOfEscalationsIn(Escalation.Status status);
}
