package org.duban.change;

import java.util.List;
import org.duban.book.WorkItem;
import org.duban.org.Department;

/** One item as a book version keeps it (names, not ids: a version reads the same years later). */
public record ItemSnapshot(
    Long itemId,
    String seq,
    String title,
    String target,
    String leadDepartment,
    List<String> collaborators,
    String leader,
    String deadline,
    String acceptanceCriteria) {

  static ItemSnapshot of(WorkItem item) {
    return new ItemSnapshot(
        item.getId(),
        item.getSeq(),
        item.getTitle(),
        item.getTargetText(),
        item.getLeadDepartment().getName(),
        item.getCollaborators().stream().map(Department::getName).sorted().toList(),
        item.getLeaderInCharge().getFullName(),
        item.getDeadline() == null ? null : item.getDeadline().toString(),
        item.getAcceptanceCriteria());
  }
}
