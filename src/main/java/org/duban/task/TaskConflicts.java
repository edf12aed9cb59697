package org.duban.task;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * A failure that means another transaction changed the same rows at the same moment: the engine's
 * optimistic lock, Spring's and JPA's translations of optimistic and pessimistic locking, and the
 * database's own states (serialization failure, deadlock, lock not available, H2's lock timeout),
 * however deeply the engine or Hibernate wrapped them.
 */
final class TaskConflicts {

  private TaskConflicts() {}

  static boolean isConcurrentUpdate(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof OptimisticLockingException
          || t instanceof ConcurrencyFailureException
          || t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof jakarta.persistence.PessimisticLockException) {
        return true;
      }
      if (t instanceof SQLException sql && isConflictState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConflictState(String state) {
    return "40001".equals(state)
        || "40P01".equals(state)
        || "55P03".equals(state)
        || "HYT00".equals(state);
  }
}
