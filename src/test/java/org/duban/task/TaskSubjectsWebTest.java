package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBookQueries;
import org.duban.book.WorkItemQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task pages learn what a task is about from the features' {@link TaskSubjects} (the book's for
 * items and books), not from the features' tables: the item when the task names one, else the book.
 */
@RunningAppTest
class TaskSubjectsWebTest {

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired AllTaskSubjects subjects;
  @Autowired WorkItemQueries items;
  @Autowired TaskBookQueries books;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  @Test
  void aTaskIsAboutItsItemOrElseItsBook() {
    IssuedItem issued = fixture.issuedItem("任务所涉事项");
    ItemSummary item = items.summary(issued.itemId());
    TaskContext ofItem = new TaskContext(issued.bookId(), issued.itemId(), null);
    TaskContext ofBook = new TaskContext(issued.bookId(), null, null);
    TaskContext ofNothing = new TaskContext(null, null, null);

    var found = subjects.of(List.of(ofItem, ofBook, ofNothing));

    assertThat(found.get(ofItem))
        .isEqualTo(
            new TaskSubject(
                item.seq() + " " + item.title(),
                item.title(),
                "/items/" + issued.itemId(),
                issued.bookId()));
    String bookTitle = books.summary(issued.bookId()).title();
    assertThat(found.get(ofBook))
        .isEqualTo(
            new TaskSubject(bookTitle, bookTitle, "/books/" + issued.bookId(), issued.bookId()));
    assertThat(found).doesNotContainKey(ofNothing);
    // an item's task page shows the item and its book; a book's only the book
    assertThat(subjects.pageModel(ofItem)).containsKeys("item", "neverReported", "book");
    assertThat(subjects.pageModel(ofBook)).containsOnlyKeys("book");
    assertThat(subjects.pageModel(ofNothing)).isEmpty();
  }
}
