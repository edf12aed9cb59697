package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@RunningAppTest
class RollUpTest {

  @Autowired TestHospital hospital;
  @Autowired TaskBookService books;
  @Autowired WorkItemRepository items;
  @Autowired RollUp rollUp;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void hospital() {
    hospital.ensure();
  }

  @Test
  void departmentItemsRollUpIntoTheHospitalItemTheyBreakDown() {
    // Given a hospital item broken down into two items of the medical department's book
    LocalDate start = EngineClock.today().withDayOfYear(1);
    TaskBook hospitalBook =
        books.createDraft(
            book("院级任务书", BookLevel.HOSPITAL, null, null, start), hospital.user("tleader"));
    WorkItem parent =
        books.addItem(
            hospitalBook.getId(), item(hospitalBook, "1", null), hospital.user("tleader"));
    TaskBook departmentBook =
        books.createDraft(
            book(
                "医务部任务书",
                BookLevel.DEPARTMENT,
                hospitalBook.getId(),
                hospital.department("tmedical").getId(),
                start),
            hospital.user("tleader"));
    WorkItem first =
        books.addItem(
            departmentBook.getId(),
            item(departmentBook, "1.1", parent.getId()),
            hospital.user("tleader"));
    WorkItem second =
        books.addItem(
            departmentBook.getId(),
            item(departmentBook, "1.2", parent.getId()),
            hospital.user("tleader"));

    // When one child is at 80% and green, the other at 40% and red
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              WorkItem a = items.findById(first.getId()).orElseThrow();
              a.reported(80);
              a.lit(Light.GREEN, "按计划推进", EngineClock.now());
              WorkItem b = items.findById(second.getId()).orElseThrow();
              b.reported(40);
              b.lit(Light.RED, "进度落后", EngineClock.now());
            });

    // Then the hospital item shows their mean progress and the worst light
    ItemNode node = rollUp.treeOfItem(parent.getId());
    assertThat(node.progress()).isEqualTo(60);
    assertThat(node.light()).isEqualTo(Light.RED);
    assertThat(node.children())
        .extracting(child -> child.item().seq())
        .containsExactly("1.1", "1.2");
    // and the book summarises its items the same way
    List<ItemNode> tree = rollUp.treeOfBook(hospitalBook.getId(), hospital.user("tleader"));
    assertThat(RollUp.summarise(tree).progress()).isEqualTo(60);
    assertThat(RollUp.summarise(tree).light()).isEqualTo(Light.RED);
  }

  @Test
  void aCancelledChildIsListedButDoesNotRollUp() {
    // Given a hospital item broken down into two department items, one of which is later cancelled
    // (撤销)
    LocalDate start = EngineClock.today().withDayOfYear(1);
    TaskBook hospitalBook =
        books.createDraft(
            book("院级撤销任务书", BookLevel.HOSPITAL, null, null, start), hospital.user("tleader"));
    WorkItem parent =
        books.addItem(
            hospitalBook.getId(), item(hospitalBook, "1", null), hospital.user("tleader"));
    TaskBook departmentBook =
        books.createDraft(
            book(
                "医务部撤销任务书",
                BookLevel.DEPARTMENT,
                hospitalBook.getId(),
                hospital.department("tmedical").getId(),
                start),
            hospital.user("tleader"));
    WorkItem first =
        books.addItem(
            departmentBook.getId(),
            item(departmentBook, "1.1", parent.getId()),
            hospital.user("tleader"));
    WorkItem second =
        books.addItem(
            departmentBook.getId(),
            item(departmentBook, "1.2", parent.getId()),
            hospital.user("tleader"));
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              WorkItem a = items.findById(first.getId()).orElseThrow();
              a.reported(80);
              a.lit(Light.GREEN, "按计划推进", EngineClock.now());
              WorkItem b = items.findById(second.getId()).orElseThrow();
              b.reported(10);
              b.lit(Light.RED, "进度落后", EngineClock.now());
              b.cancelled();
            });

    // Then the hospital item shows only the remaining child's progress and light, and still lists
    // both
    ItemNode node = rollUp.treeOfItem(parent.getId());
    assertThat(node.progress()).isEqualTo(80);
    assertThat(node.light()).isEqualTo(Light.GREEN);
    assertThat(node.children())
        .extracting(child -> child.item().seq())
        .containsExactly("1.1", "1.2");
    // and a book's summary leaves its cancelled items out
    List<ItemNode> tree = rollUp.treeOfBook(departmentBook.getId(), hospital.user("tleader"));
    assertThat(RollUp.summarise(tree).progress()).isEqualTo(80);
    assertThat(RollUp.summarise(tree).light()).isEqualTo(Light.GREEN);
  }

  @Test
  void anItemBreaksDownOnlyAnItemOfItsParentBook() {
    // Given two unrelated hospital books
    LocalDate start = EngineClock.today().withDayOfYear(1);
    TaskBook other =
        books.createDraft(
            book("另一任务书", BookLevel.HOSPITAL, null, null, start), hospital.user("tleader"));
    WorkItem foreign =
        books.addItem(other.getId(), item(other, "9", null), hospital.user("tleader"));
    TaskBook lone =
        books.createDraft(
            book("独立任务书", BookLevel.HOSPITAL, null, null, start), hospital.user("tleader"));

    // When an item of one names the other's item as parent, Then it is refused
    assertThatThrownBy(
            () ->
                books.addItem(
                    lone.getId(), item(lone, "1", foreign.getId()), hospital.user("tleader")))
        .isInstanceOf(UserError.class)
        .hasMessage("item.parent.notInParentBook");
  }

  @Test
  void aDepartmentBookNeedsTheDepartmentThatSignsIt() {
    TaskBookFormData data =
        book("缺少责任部门", BookLevel.DEPARTMENT, null, null, EngineClock.today().withDayOfYear(1));
    assertThat(data.isResponsibleGiven()).isFalse();
  }

  private TaskBookFormData book(
      String title, BookLevel level, Long parentId, Long departmentId, LocalDate start) {
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(start.getYear());
    data.setPeriodStart(start);
    data.setPeriodEnd(start.withDayOfYear(start.lengthOfYear()));
    data.setGoalAreas("医疗服务");
    data.setLevel(level);
    data.setParentId(parentId);
    data.setResponsibleDepartmentId(departmentId);
    return data;
  }

  private WorkItemFormData item(TaskBook book, String seq, Long parentItemId) {
    WorkItemFormData data = new WorkItemFormData();
    data.setGoalAreaId(book.getGoalAreas().get(0).getId());
    data.setSeq(seq);
    data.setTitle("事项 " + seq);
    data.setLeadDepartmentId(hospital.department("tmedical").getId());
    data.setLeaderInChargeId(hospital.personId("tincharge"));
    data.setDeadline(book.getPeriodEnd());
    data.setParentItemId(parentItemId);
    return data;
  }
}
