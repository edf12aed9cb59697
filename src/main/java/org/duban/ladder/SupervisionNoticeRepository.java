package org.duban.ladder;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionNoticeRepository extends JpaRepository<SupervisionNotice, Long> {

  List<SupervisionNotice> findByEscalationIdOrderByIssuedAtAsc(Long escalationId);

  List<SupervisionNotice> findByWorkItemIdOrderByIssuedAtAsc(Long workItemId);
}
