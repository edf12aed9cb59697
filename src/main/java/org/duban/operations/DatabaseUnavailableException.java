package org.duban.operations;

/**
 * The database cannot be reached; not an {@code AuthenticationException}, so that nothing takes it
 * for one.
 */
public class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(Throwable cause) {
    super("The database cannot be reached", cause);
  }
}
