package org.duban.urge;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UrgeQuotaRepository extends JpaRepository<UrgeQuota, UrgeQuota.Key> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select q from UrgeQuota q where q.key.urger = :urger and q.key.quotaDay = :day")
  Optional<UrgeQuota> lock(String urger, LocalDate day);
}
