package org.duban.supervision;

import java.util.Collection;
import java.util.List;
import org.duban.workitem.ItemStage;
import org.duban.workitem.WorkItem;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The open items of one chunk of the weekly sweep: a range of ids. */
interface SweepItems extends Repository<WorkItem, Long> {

  @Query("select w.id from WorkItem w where w.id >= :fromId and w.id < :toId and w.stage in :stages order by w.id")
  List<Long> openIdsBetween(Long fromId, Long toId, Collection<ItemStage> stages);
}
