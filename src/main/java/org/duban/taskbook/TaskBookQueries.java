package org.duban.taskbook;

import java.util.List;
import org.duban.infrastructure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of task books for pages. */
@Service
public class TaskBookQueries {

  private final TaskBookRepository books;

  TaskBookQueries(TaskBookRepository books) {
    this.books = books;
  }

  @Transactional(readOnly = true)
  public BookSummary summary(Long bookId) {
    return BookSummary.of(books.findById(bookId).orElseThrow(NotFound::new));
  }

  @Transactional(readOnly = true)
  public List<BookSummary> all() {
    return books.findAllByOrderByYearDescIdDesc().stream().map(BookSummary::of).toList();
  }
}
