package org.duban.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Duban's one way to check a password (the log-in page and the REST API's HTTP Basic): a locked
 * name is refused before its password is looked at; otherwise the password is checked by {@code
 * delegate} and each failure is counted (see {@link LoginLockouts}).
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider delegate;
  private final LoginLockouts lockouts;

  LockoutAuthenticationProvider(AuthenticationProvider delegate, LoginLockouts lockouts) {
    this.delegate = delegate;
    this.lockouts = lockouts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    // the form log-in and HTTP Basic both put the client's address in the details; the request
    // itself
    // is not yet bound to the thread while Spring Security's filters run
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    Optional<Long> locked = lockouts.minutesLocked(username);
    if (locked.isPresent()) {
      lockouts.recordRefusedWhileLocked(username, address);
      throw new AccountLockedException(locked.get());
    }
    Authentication result;
    try {
      result = delegate.authenticate(authentication);
    } catch (BadCredentialsException e) {
      Optional<Long> nowLocked = lockouts.recordFailure(username, address);
      if (nowLocked.isPresent()) {
        throw new AccountLockedException(nowLocked.get());
      }
      throw e;
    }
    if (result != null) {
      lockouts.recordSuccess(username);
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
