package org.duban.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

  Optional<Assessment> findByTaskBookId(Long taskBookId);

  List<Assessment> findAllByOrderByYearDescIdDesc();

  List<Assessment> findByYearAndStatusOrderByPublishedAtDesc(int year, Assessment.Status status);
}
