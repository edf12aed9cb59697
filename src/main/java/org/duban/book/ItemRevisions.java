package org.duban.book;

import java.time.LocalDate;
import org.duban.infrastructure.NotFound;
import org.duban.org.Department;
import org.duban.org.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approved changes (变更申请) applied to an issued item: its terms revised, its lead department
 * replaced.
 */
@Service
public class ItemRevisions {

  /** An item's terms as a change leaves them. */
  public record ItemTerms(
      String title,
      String targetText,
      Person leaderInCharge,
      LocalDate deadline,
      String acceptanceCriteria) {}

  private final WorkItemRepository workItems;

  ItemRevisions(WorkItemRepository workItems) {
    this.workItems = workItems;
  }

  @Transactional
  public void revise(Long itemId, ItemTerms terms) {
    item(itemId)
        .revise(
            terms.title(),
            terms.targetText(),
            terms.leaderInCharge(),
            terms.deadline(),
            terms.acceptanceCriteria());
  }

  /** The department leads the item from now on (and is no longer one of its collaborators). */
  @Transactional
  public void reassign(Long itemId, Department department) {
    item(itemId).reassignTo(department);
  }

  private WorkItem item(Long itemId) {
    return workItems.findById(itemId).orElseThrow(NotFound::new);
  }
}
