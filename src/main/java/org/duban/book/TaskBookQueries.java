package org.duban.book;

import java.util.List;
import org.duban.infrastructure.NotFound;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of task books for pages. */
@Service
public class TaskBookQueries {

  private final TaskBookRepository books;
  private final PersonRepository people;
  private final WorkItemQueries items;
  private final ItemAccess access;

  TaskBookQueries(
      TaskBookRepository books, PersonRepository people, WorkItemQueries items, ItemAccess access) {
    this.books = books;
    this.people = people;
    this.items = items;
    this.access = access;
  }

  @Transactional(readOnly = true)
  public BookSummary summary(Long bookId) {
    return BookSummary.of(book(bookId), this::fullName);
  }

  /** A book that exists and was not deleted (a deleted draft is shown nowhere: 404). */
  private TaskBook book(Long bookId) {
    return books.findById(bookId).filter(b -> !b.isDeleted()).orElseThrow(NotFound::new);
  }

  @Transactional(readOnly = true)
  public List<BookSummary> all() {
    return books.findAllByOrderByYearDescIdDesc().stream()
        .filter(b -> !b.isDeleted())
        .map(b -> BookSummary.of(b, this::fullName))
        .toList();
  }

  /** The books the viewer may open ({@link #readable}): all for those who see everything. */
  @Transactional(readOnly = true)
  public List<BookSummary> readableBooks(CurrentUser user) {
    if (access.seesEverything(user)) {
      return all();
    }
    java.util.Set<Long> withTheirItems = items.bookIdsOfDepartment(user.departmentId());
    return books.findAllByOrderByYearDescIdDesc().stream()
        .filter(b -> !b.isDeleted())
        .filter(b -> withTheirItems.contains(b.getId()) || access.seesWholeBook(b, user))
        .map(b -> BookSummary.of(b, this::fullName))
        .toList();
  }

  /** A link to another book of the hierarchy. */
  public record BookLink(Long id, String title, BookLevel level) {}

  /** The book one level up, if any, and the books that break this one down. */
  public record Hierarchy(BookLink parent, List<BookLink> children) {}

  @Transactional(readOnly = true)
  public Hierarchy hierarchy(Long bookId) {
    TaskBook book = book(bookId);
    TaskBook parent = book.getParent();
    return new Hierarchy(
        parent == null ? null : new BookLink(parent.getId(), parent.getTitle(), parent.getLevel()),
        books.findByParentIdOrderByIdAsc(bookId).stream()
            .filter(child -> !child.isDeleted())
            .map(child -> new BookLink(child.getId(), child.getTitle(), child.getLevel()))
            .toList());
  }

  /**
   * The book to print with its decomposition table; {@code partial} when only the viewer's items
   * are shown.
   */
  public record BookPrint(BookSummary book, List<ItemSummary> items, boolean partial) {}

  /** The printable book: {@link #readable}. */
  @Transactional(readOnly = true)
  public BookPrint printable(Long bookId, CurrentUser user) {
    return readable(bookId, user);
  }

  /**
   * The book as the viewer may read it, the one rule of its page, print view, versions and export.
   * Leaders, the supervision office, admins and the book's responsible party see all its items;
   * another department only the items it leads or collaborates on, and no book in which it has none
   * (403).
   */
  @Transactional(readOnly = true)
  public BookPrint readable(Long bookId, CurrentUser user) {
    TaskBook book = book(bookId);
    if (access.seesWholeBook(book, user)) {
      return new BookPrint(BookSummary.of(book, this::fullName), items.itemsOfBook(bookId), false);
    }
    List<ItemSummary> visible = items.visibleItemsOfBook(bookId, user);
    if (visible.isEmpty()) {
      throw new AccessDeniedException(
          "book " + bookId + " is not visible to " + user.getUsername());
    }
    return new BookPrint(BookSummary.of(book, this::fullName), visible, true);
  }

  private String fullName(String username) {
    return people.findByUsername(username).map(Person::getFullName).orElse(username);
  }
}
