package org.duban.book;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WorkItemRepository extends JpaRepository<WorkItem, Long> {

  List<WorkItem> findByTaskBookIdOrderByIdAsc(Long taskBookId);

  List<WorkItem> findByParentItemIdOrderByIdAsc(Long parentItemId);

  boolean existsByTaskBookIdAndSeq(Long taskBookId, String seq);

  @Query("select w.id from WorkItem w where w.taskBook.id = :taskBookId order by w.id")
  List<Long> findIdsByTaskBook(Long taskBookId);

  @Query("select w.id from WorkItem w where w.stage in :stages order by w.id")
  List<Long> findIdsByStageIn(Collection<ItemStage> stages);

  /** Items issued and not yet closed: what check-in rounds and the weekly sweep look at. */
  default List<Long> findOpenIds() {
    return findIdsByStageIn(
        java.util.Arrays.stream(ItemStage.values()).filter(ItemStage::isOpen).toList());
  }

  /** Open items as the weekly digest lists them: id, title, lead department's name, light. */
  @Query(
      "select w.id, w.title, d.name, w.light from WorkItem w join w.leadDepartment d"
          + " where w.stage in :stages order by w.id")
  List<Object[]> findDigestRowsByStageIn(Collection<ItemStage> stages);

  @Query(
      "select w.id, w.title, d.name, w.light from WorkItem w join w.leadDepartment d"
          + " where w.stage in :stages and w.leaderInCharge.id = :leaderId order by w.id")
  List<Object[]> findDigestRowsByStageInAndLeader(Collection<ItemStage> stages, Long leaderId);

  @Query(
      "select distinct w.leaderInCharge.id from WorkItem w where w.stage in :stages order by w.leaderInCharge.id")
  List<Long> findLeaderIdsByStageIn(Collection<ItemStage> stages);

  long countByLeadDepartmentIdAndStageIn(Long leadDepartmentId, Collection<ItemStage> stages);

  /**
   * Items issued and not yet closed that the department leads: it may not be closed down meanwhile.
   */
  default long countOpenLedBy(Long departmentId) {
    return countByLeadDepartmentIdAndStageIn(
        departmentId,
        java.util.Arrays.stream(ItemStage.values()).filter(ItemStage::isOpen).toList());
  }

  long countByTaskBookIdAndStageNot(Long taskBookId, ItemStage stage);

  long countByTaskBookIdAndStageNotIn(Long taskBookId, Collection<ItemStage> stages);

  /** The books in which the department leads or collaborates on an item. */
  @Query(
      "select distinct w.taskBook.id from WorkItem w left join w.collaborators c"
          + " where w.leadDepartment.id = :departmentId or c.id = :departmentId")
  List<Long> findBookIdsOfDepartment(Long departmentId);
}
