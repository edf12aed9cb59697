package org.duban.operations;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Tells a database that cannot be reached from every other failure, whichever layer wrapped it
 * (Spring, Hibernate, the engine's MyBatis, Spring Session): somewhere in the chain of causes is
 * the driver's own error with SQL state class 08 (connection exception) or PostgreSQL's 57P01 to
 * 57P03 (shut down, starting up). Hikari's "connection is not available" timeout carries the last
 * connection failure as its cause and state; without one it means a busy pool, not a lost database,
 * and is not taken for an outage.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  public static boolean isUnavailable(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof DatabaseUnavailableException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql, seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionState(SQLException sql, Set<Throwable> seen) {
    for (SQLException e = sql; e != null; e = e.getNextException()) {
      String state = e.getSQLState();
      if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
        return true;
      }
      if (e != sql && !seen.add(e)) {
        break;
      }
    }
    return false;
  }

  /**
   * The log-in's password check, except that a database that cannot be reached is not a failed
   * log-in: Spring Security would turn it into "wrong password" (the log-in page) or a 401 (HTTP
   * Basic); thrown past it, {@link DatabaseUnavailableFilter} answers with its 503.
   */
  public static AuthenticationProvider passingThrough(AuthenticationProvider delegate) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        try {
          return delegate.authenticate(authentication);
        } catch (RuntimeException e) {
          if (isUnavailable(e)) {
            throw new DatabaseUnavailableException(e);
          }
          throw e;
        }
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
      }
    };
  }
}
