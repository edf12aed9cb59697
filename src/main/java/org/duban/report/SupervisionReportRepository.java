package org.duban.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupervisionReportRepository extends JpaRepository<SupervisionReport, Long> {

  Optional<SupervisionReport> findByWeekStart(LocalDate weekStart);

  List<SupervisionReport> findAllByOrderByWeekStartDesc();

  @Query("select coalesce(max(r.seq), 0) from SupervisionReport r where r.reportYear = :reportYear")
  int lastSeqOf(int reportYear);
}
