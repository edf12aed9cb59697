package org.duban.light;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SweepRepository extends JpaRepository<Sweep, Long> {

  Optional<Sweep> findFirstByFinishedAtIsNotNullOrderByStartedAtDesc();
}
