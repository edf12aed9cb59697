package org.duban.workitem;

import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may see an item: leaders, the supervision office and admins see all; a department sees
 * the items it leads or collaborates on.
 */
@Component
public class ItemAccess {

  public boolean seesEverything(CurrentUser user) {
    return user.has(Role.LEADER) || user.has(Role.SUPERVISION) || user.has(Role.ADMIN);
  }

  public boolean maySee(WorkItem item, CurrentUser user) {
    if (seesEverything(user)) {
      return true;
    }
    Long department = user.departmentId();
    if (department == null) {
      return false;
    }
    return item.getLeadDepartment().getId().equals(department)
        || item.getCollaborators().stream().anyMatch(d -> d.getId().equals(department));
  }
}
