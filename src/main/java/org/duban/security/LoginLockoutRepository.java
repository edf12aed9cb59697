package org.duban.security;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface LoginLockoutRepository extends JpaRepository<LoginLockout, String> {

  /** The row locked for this transaction, so that failures at the same moment are all counted. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select l from LoginLockout l where l.username = ?1")
  Optional<LoginLockout> findForUpdate(String username);
}
