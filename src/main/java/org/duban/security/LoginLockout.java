package org.duban.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** Consecutive failed log-ins under one user name, and the lock they led to. */
@Entity
@Table(name = "login_lockout")
class LoginLockout {

  @Id private String username;

  @Column(name = "failed_count", nullable = false)
  private int failedCount;

  @Column(name = "last_failed_at", nullable = false)
  private LocalDateTime lastFailedAt;

  @Column(name = "locked_until")
  private LocalDateTime lockedUntil;

  protected LoginLockout() {}

  LoginLockout(String username) {
    this.username = username;
  }

  String getUsername() {
    return username;
  }

  int getFailedCount() {
    return failedCount;
  }

  LocalDateTime getLastFailedAt() {
    return lastFailedAt;
  }

  LocalDateTime getLockedUntil() {
    return lockedUntil;
  }

  boolean isLockedAt(LocalDateTime now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /** One more failure; a lock that has run out starts the count afresh. */
  void fail(LocalDateTime now) {
    if (lockedUntil != null && !lockedUntil.isAfter(now)) {
      failedCount = 0;
      lockedUntil = null;
    }
    failedCount++;
    lastFailedAt = now;
  }

  void lockUntil(LocalDateTime until) {
    lockedUntil = until;
  }
}
