package org.duban.change;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

  boolean existsByWorkItemIdAndStatus(Long workItemId, ChangeStatus status);

  List<ChangeRequest> findByWorkItemIdOrderByIdAsc(Long workItemId);
}
