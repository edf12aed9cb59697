package org.duban.book;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskBookRepository extends JpaRepository<TaskBook, Long> {

  List<TaskBook> findAllByOrderByYearDescIdDesc();

  List<TaskBook> findByParentIdOrderByIdAsc(Long parentId);
}
