package org.duban.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DepartmentRepository extends JpaRepository<Department, Long> {

  Optional<Department> findByCode(String code);

  List<Department> findByActiveTrueOrderByIdAsc();

  /** The active departments that name this person as their head or a deputy. */
  @Query(
      "select distinct d from Department d left join d.deputyIds deputy"
          + " where d.active = true and (d.headPersonId = :personId or deputy = :personId)")
  List<Department> findActiveNamingLeader(Long personId);
}
