package org.duban.light;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LightAssessmentRepository extends JpaRepository<LightAssessment, Long> {

  List<LightAssessment> findTop20ByWorkItemIdOrderByAssessedAtDescIdDesc(Long workItemId);

  List<LightAssessment> findByWorkItemIdOrderByAssessedAtAscIdAsc(Long workItemId);

  /** The items a sweep has lit so far: its progress while it runs. */
  long countBySweepId(Long sweepId);

  boolean existsBySweepIdAndWorkItemId(Long sweepId, Long workItemId);

  /** A sweep's lights counted from what it recorded, so a retried job is never counted twice. */
  @Query(
      "select a.light, count(a) from LightAssessment a where a.sweepId = :sweepId group by a.light")
  List<Object[]> countLightsOfSweep(Long sweepId);
}
