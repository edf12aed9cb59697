package org.duban.demo;

import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and move the demo clock: the supervision office (督查室), which runs the demo's
 * supervision, and admins. Moving it runs every timer that fell due for everybody, so it is not for
 * any visitor of a demo that others use too.
 */
final class DemoClockAccess {

  private DemoClockAccess() {}

  static boolean mayMove(CurrentUser user) {
    return user != null && (user.has(Role.SUPERVISION) || user.has(Role.ADMIN));
  }

  /** Refuses (403, nothing changed) anyone else. */
  static void check(CurrentUser user) {
    if (!mayMove(user)) {
      throw new AccessDeniedException("the demo clock is for the supervision office and admins");
    }
  }
}
