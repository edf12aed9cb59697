package org.duban.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentAppealRepository extends JpaRepository<AssessmentAppeal, Long> {

  Optional<AssessmentAppeal> findByAssessmentIdAndDepartmentId(
      Long assessmentId, Long departmentId);

  List<AssessmentAppeal> findByAssessmentIdOrderByIdAsc(Long assessmentId);
}
