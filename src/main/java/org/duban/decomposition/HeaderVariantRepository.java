package org.duban.decomposition;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HeaderVariantRepository extends JpaRepository<HeaderVariant, Long> {

  List<HeaderVariant> findAllByOrderByColumnAscHeaderAsc();

  boolean existsByHeaderKey(String headerKey);
}
