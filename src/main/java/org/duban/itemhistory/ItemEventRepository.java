package org.duban.itemhistory;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ItemEventRepository extends JpaRepository<ItemEvent, Long> {

  List<ItemEvent> findByWorkItemIdOrderByOccurredAtAscIdAsc(Long workItemId);

  List<ItemEvent> findByTaskBookIdOrderByOccurredAtAscIdAsc(Long taskBookId);
}
