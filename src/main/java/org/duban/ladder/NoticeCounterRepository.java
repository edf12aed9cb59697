package org.duban.ladder;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface NoticeCounterRepository extends JpaRepository<NoticeCounter, Integer> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from NoticeCounter c where c.year = :year")
  Optional<NoticeCounter> lockYear(Integer year);
}
