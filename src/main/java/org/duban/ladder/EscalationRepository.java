package org.duban.ladder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

  Optional<Escalation> findByOpenItemId(Long workItemId);

  List<Escalation> findByStatusOrderByOpenedAtDesc(Escalation.Status status);

  List<Escalation> findByWorkItemIdOrderByOpenedAtDesc(Long workItemId);
}
