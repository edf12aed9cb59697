package org.duban.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonAliasRepository extends JpaRepository<PersonAlias, Long> {

  List<PersonAlias> findByPersonIdOrderByAliasAsc(Long personId);

  Optional<PersonAlias> findByAliasKey(String aliasKey);
}
