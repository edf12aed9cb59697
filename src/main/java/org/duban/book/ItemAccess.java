package org.duban.book;

import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may see an item: leaders, the supervision office and admins see all; a department sees the
 * items it leads or collaborates on. Within a book, its responsible department or person (责任方, who
 * signs it) also sees all its items: the rule of the book's print view, which its page, versions
 * and export follow too.
 */
@Component
public class ItemAccess {

  public boolean seesEverything(CurrentUser user) {
    return user.has(Role.LEADER) || user.has(Role.SUPERVISION) || user.has(Role.ADMIN);
  }

  /**
   * Whether the user sees every item of the book: as those who see everything, or as its
   * responsible party.
   */
  public boolean seesWholeBook(TaskBook book, CurrentUser user) {
    if (seesEverything(user)) {
      return true;
    }
    return book.getResponsibleDepartment() != null
            && user.departmentId() != null
            && book.getResponsibleDepartment().getId().equals(user.departmentId())
        || book.getResponsiblePerson() != null
            && book.getResponsiblePerson().getId().equals(user.personId());
  }

  /**
   * An item as a line of its book: every item of a book the user sees whole, else as {@link
   * #maySee}.
   */
  public boolean maySeeInBook(WorkItem item, CurrentUser user) {
    return (item.getTaskBook() != null && seesWholeBook(item.getTaskBook(), user))
        || maySee(item, user);
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
