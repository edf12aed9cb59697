package org.duban.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentAliasRepository extends JpaRepository<DepartmentAlias, Long> {

  List<DepartmentAlias> findByDepartmentIdOrderByAliasAsc(Long departmentId);

  Optional<DepartmentAlias> findByAliasKey(String aliasKey);
}
