package org.duban.light;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WeeklyLadderStepRepository extends JpaRepository<WeeklyLadderStep, Long> {

  boolean existsByIsoWeekAndWorkItemId(String isoWeek, Long workItemId);

  List<WeeklyLadderStep> findByWorkItemIdOrderByIdAsc(Long workItemId);

  long countBySweepIdAndEscalatedTrue(Long sweepId);
}
