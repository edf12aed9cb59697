package org.duban.rectification;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RectificationRepository extends JpaRepository<Rectification, Long> {

  Optional<Rectification> findByEscalationId(Long escalationId);
}
