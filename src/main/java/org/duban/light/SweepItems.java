package org.duban.light;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.duban.book.ItemStage;
import org.duban.book.WorkItem;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The items the weekly sweep lights: open, and past their first round. An item's first light comes
 * after its first monthly round has closed for it (a check-in of it is recorded, submitted or
 * missed), unless its deadline has passed: a new item is not judged on a sweep before anyone was
 * asked to report on it.
 */
interface SweepItems extends Repository<WorkItem, Long> {

  String LIGHTABLE =
      "w.stage in :stages and (w.deadline < :today"
          + " or exists (select c.id from CheckIn c where c.workItem.id = w.id))";

  @Query("select w.id from WorkItem w where " + LIGHTABLE + " order by w.id")
  List<Long> lightableIds(Collection<ItemStage> stages, LocalDate today);

  @Query(
      "select w.id from WorkItem w where w.id >= :fromId and w.id < :toId and "
          + LIGHTABLE
          + " order by w.id")
  List<Long> lightableIdsBetween(
      Long fromId, Long toId, Collection<ItemStage> stages, LocalDate today);
}
