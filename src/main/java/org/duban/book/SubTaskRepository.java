package org.duban.book;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubTaskRepository extends JpaRepository<SubTask, Long> {

  List<SubTask> findByWorkItemIdOrderByIdAsc(Long workItemId);

  List<SubTask> findByWorkItemIdAndStatusOrderByIdAsc(Long workItemId, SubTask.Status status);
}
