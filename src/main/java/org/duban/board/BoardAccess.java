package org.duban.board;

import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees which board: leaders, the supervision office and admins see the whole hospital; a
 * department head sees their own department's board, whatever department a link names; anyone else
 * is refused.
 */
@Component
public class BoardAccess {

  public boolean seesHospital(CurrentUser user) {
    return user.has(Role.LEADER) || user.has(Role.SUPERVISION) || user.has(Role.ADMIN);
  }

  /** The board is the home page of leaders; the supervision office starts on its queue instead. */
  public boolean isHomeOf(CurrentUser user) {
    return user.has(Role.LEADER);
  }

  /** The filter this user may have: a department head's is held to their department. */
  public BoardFilter allowed(CurrentUser user, BoardFilter asked) {
    if (seesHospital(user)) {
      return asked;
    }
    if (user.has(Role.DEPT_HEAD) && user.departmentId() != null) {
      return asked.heldTo(user.departmentId());
    }
    throw new AccessDeniedException("board");
  }
}
