package org.duban.security;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.duban.audit.AuditLog;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lock-out after repeated failed log-ins: {@code duban.security.lockout.max-failures} consecutive
 * failures under one user name lock it for {@code duban.security.lockout.duration}; a successful
 * log-in clears the count; an admin may unlock at once. Failures and locks are audited under the
 * name that was tried. Names that belong to nobody are counted and locked the same way, so the
 * answer never tells whether someone exists.
 *
 * <p>Lock-outs run on the wall clock, not on the engine's: the demo clock moves the engine's
 * forward by days, and moving it must not lift a lock (nor make a new one last a month).
 */
@Service
public class LoginLockouts {

  static final String SUBJECT = "account";

  /** Longest name counted (the column); longer ones belong to nobody and are not kept. */
  private static final int MAX_USERNAME = 100;

  private final LoginLockoutRepository lockouts;
  private final AuditLog audit;
  private final LockoutProperties properties;
  private final TransactionTemplate transactions;

  LoginLockouts(
      LoginLockoutRepository lockouts,
      AuditLog audit,
      LockoutProperties properties,
      PlatformTransactionManager transactionManager) {
    this.lockouts = lockouts;
    this.audit = audit;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Minutes (rounded up) until this name may log in again; empty when it is not locked. */
  @Transactional(readOnly = true)
  public Optional<Long> minutesLocked(String username) {
    if (!counted(username)) {
      return Optional.empty();
    }
    LocalDateTime now = wallClock();
    return lockouts
        .findById(username)
        .filter(l -> l.isLockedAt(now))
        .map(l -> minutesBetween(now, l.getLockedUntil()));
  }

  /** Whether the name is locked now (for the people pages). */
  public boolean isLocked(String username) {
    return minutesLocked(username).isPresent();
  }

  /**
   * Counts a failed log-in under this name, locking it on the last allowed failure.
   *
   * @return the minutes the name is now locked for, or empty while it is not locked
   */
  public Optional<Long> recordFailure(String username) {
    return recordFailure(username, null);
  }

  /** As {@link #recordFailure(String)}, audited with the address the attempt came from. */
  public Optional<Long> recordFailure(String username, String address) {
    if (!counted(username)) {
      return Optional.empty();
    }
    try {
      return transactions.execute(status -> fail(username, address));
    } catch (DataIntegrityViolationException firstFailureAtTheSameMoment) {
      // another request created the row first; count against it
      return transactions.execute(status -> fail(username, address));
    }
  }

  private Optional<Long> fail(String username, String address) {
    LocalDateTime now = wallClock();
    LoginLockout lockout =
        lockouts.findForUpdate(username).orElseGet(() -> new LoginLockout(username));
    lockout.fail(now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("failures", lockout.getFailedCount());
    audit.recordAttempt(username, address, "login.failed", SUBJECT, username, null, after);
    if (lockout.getFailedCount() >= properties.maxFailures()) {
      lockout.lockUntil(now.plus(properties.duration()));
      audit.recordAttempt(
          username,
          address,
          "login.locked",
          SUBJECT,
          username,
          null,
          Map.of(
              "failures",
              lockout.getFailedCount(),
              "lockedUntil",
              lockout.getLockedUntil().toString()));
    }
    lockouts.saveAndFlush(lockout);
    return lockout.isLockedAt(now)
        ? Optional.of(minutesBetween(now, lockout.getLockedUntil()))
        : Optional.empty();
  }

  /** A log-in tried while the name is locked: audited, not counted (the lock does not grow). */
  @Transactional
  public void recordRefusedWhileLocked(String username) {
    recordRefusedWhileLocked(username, null);
  }

  /**
   * As {@link #recordRefusedWhileLocked(String)}, audited with the address the attempt came from.
   */
  @Transactional
  public void recordRefusedWhileLocked(String username, String address) {
    if (counted(username)) {
      audit.recordAttempt(
          username, address, "login.failed", SUBJECT, username, null, Map.of("locked", true));
    }
  }

  /** A successful log-in: the count of failures starts again. */
  @Transactional
  public void recordSuccess(String username) {
    if (counted(username) && lockouts.existsById(username)) {
      lockouts.deleteById(username);
    }
  }

  /**
   * An admin lifts the lock (and the count of failures) of this name at once; audited as the
   * admin's act.
   *
   * @return whether there was anything to lift
   */
  @Transactional
  public boolean unlock(String username) {
    if (!counted(username)) {
      return false;
    }
    Optional<LoginLockout> lockout = lockouts.findForUpdate(username);
    if (lockout.isEmpty()) {
      return false;
    }
    LoginLockout before = lockout.get();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("failures", before.getFailedCount());
    state.put(
        "lockedUntil", before.getLockedUntil() == null ? null : before.getLockedUntil().toString());
    lockouts.delete(before);
    audit.record("login.unlock", SUBJECT, username, state, null);
    return true;
  }

  private static LocalDateTime wallClock() {
    return LocalDateTime.now();
  }

  private static boolean counted(String username) {
    return username != null && !username.isBlank() && username.length() <= MAX_USERNAME;
  }

  private static long minutesBetween(LocalDateTime now, LocalDateTime until) {
    long seconds = Duration.between(now, until).toSeconds();
    return Math.max(1, (seconds + 59) / 60);
  }
}
