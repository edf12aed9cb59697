package org.duban.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LightAssessmentRepository extends JpaRepository<LightAssessment, Long> {

  List<LightAssessment> findTop20ByWorkItemIdOrderByAssessedAtDescIdDesc(Long workItemId);
}
