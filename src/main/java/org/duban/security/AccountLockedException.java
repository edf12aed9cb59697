package org.duban.security;

import org.springframework.security.authentication.LockedException;

/** A log-in refused because the user name is locked; says for how many more minutes. */
public class AccountLockedException extends LockedException {

  private final long minutesLeft;

  AccountLockedException(long minutesLeft) {
    super("locked for " + minutesLeft + " more minutes");
    this.minutesLeft = minutesLeft;
  }

  public long minutesLeft() {
    return minutesLeft;
  }
}
