package org.duban.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentWeightRepository extends JpaRepository<AssessmentWeight, AssessmentWeight.Key> {

  List<AssessmentWeight> findByAssessmentIdOrderByGoalAreaIdAsc(Long assessmentId);
}
