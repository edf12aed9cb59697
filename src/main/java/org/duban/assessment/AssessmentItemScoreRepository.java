package org.duban.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentItemScoreRepository extends JpaRepository<AssessmentItemScore, Long> {

  List<AssessmentItemScore> findByAssessmentIdOrderByWorkItemIdAsc(Long assessmentId);

  List<AssessmentItemScore> findByAssessmentIdAndDepartmentIdOrderByWorkItemIdAsc(
      Long assessmentId, Long departmentId);

  Optional<AssessmentItemScore> findByAssessmentIdAndWorkItemId(Long assessmentId, Long workItemId);

  boolean existsByAssessmentId(Long assessmentId);
}
