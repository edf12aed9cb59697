package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WebTestSupport;
import org.duban.WorkbookTexts;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A book's page, versions and export follow its print view's rule: leaders, the supervision office,
 * admins and the book's responsible party read all its items; another department only the items it
 * leads or collaborates on (its staff as its head), and a department with none is refused.
 */
class BookReadingRuleWebTest extends WebTestSupport {

  @Autowired TaskBookService taskBooks;

  private static final String[] READINGS = {
    "/books/{id}", "/books/{id}/print", "/books/{id}/versions"
  };

  private String read(String path, Long bookId, String username) throws Exception {
    Object[] ids = bookId == null ? new Object[0] : new Object[] {bookId};
    return mvc.perform(get(path, ids).with(as(username)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void thoseWhoSeeEverythingReadEveryItemOfASharedBook() throws Exception {
    TaskBook book = issuedBook(null, "全读任务书", "全读医务事项", "全读护理事项");
    for (String username : new String[] {"tleader", "tducha", "tadmin"}) {
      for (String path : READINGS) {
        assertThat(read(path, book.getId(), username))
            .as(username + " " + path)
            .contains("全读医务事项")
            .contains("全读护理事项");
      }
      assertThat(exportTexts(book.getId(), username))
          .as(username)
          .contains("全读医务事项")
          .contains("全读护理事项");
    }
  }

  @Test
  void theResponsibleDepartmentReadsEveryItemOfItsBookOnThePageTheVersionsAndTheExportAsInPrint()
      throws Exception {
    // Given 测试医务部's responsibility book in which one item is led by 测试护理部
    TaskBook book = issuedBook("tmedical", "责任方任务书", "责任方医务事项", "责任方护理事项");
    for (String username : new String[] {"tmedhead", "tmedstaff"}) {
      for (String path : READINGS) {
        assertThat(read(path, book.getId(), username))
            .as(username + " " + path)
            .contains("责任方医务事项")
            .contains("责任方护理事项");
      }
      assertThat(exportTexts(book.getId(), username))
          .as(username)
          .contains("责任方医务事项")
          .contains("责任方护理事项");
    }
    // while 护理部 reads only its own item there
    assertThat(read("/books/{id}", book.getId(), "tnursehead"))
        .contains("责任方护理事项")
        .doesNotContain("责任方医务事项");
  }

  @Test
  void aDepartmentWithNothingInABookIsRefusedItsPageVersionsAndExportAsItsPrint() throws Exception {
    IssuedItem item = fixture.issuedItem("无关科室任务书事项");
    for (String path :
        new String[] {
          "/books/{id}", "/books/{id}/print", "/books/{id}/versions", "/books/{id}/export.xlsx"
        }) {
      mvc.perform(get(path, item.bookId()).with(as("tnursehead")))
          .andExpect(status().isForbidden());
    }
    // and the list of books does not name it to them
    assertThat(read("/books", null, "tnursehead")).doesNotContain("无关科室任务书事项任务书");
    // while 医务部's staff member, not its head, reads it and finds it listed
    assertThat(read("/books/{id}", item.bookId(), "tmedstaff")).contains("无关科室任务书事项");
    assertThat(read("/books", null, "tmedstaff")).contains("无关科室任务书事项任务书");
  }

  @Test
  void theItemsBreakingAnItemDownAreListedOnlyToThoseWhoMaySeeThem() throws Exception {
    // Given a hospital book item of 医务部, broken down in 护理部's book by an item 护理部 leads
    TaskBook hospitalBook = fixture.draft("分解可见-院级任务书");
    WorkItem parent = fixture.addItem(hospitalBook, "1", "分解可见母事项");
    TaskBook nursingBook = fixture.departmentDraftUnder(hospitalBook, "tnursing", "分解可见-护理部任务书");
    WorkItemFormData child = fixture.itemForm(nursingBook, "1.1", "护理部分解子事项");
    child.setParentItemId(parent.getId());
    child.setLeadDepartmentId(hospital.department("tnursing").getId());
    child.setCollaboratorIds(List.of());
    taskBooks.addItem(nursingBook.getId(), child, hospital.user(IssuedItemFixture.ISSUER));

    // When 医务部 opens the hospital book, Then its item is there and 护理部's breakdown is not
    assertThat(read("/books/{id}", hospitalBook.getId(), "tmedhead"))
        .contains("分解可见母事项")
        .doesNotContain("护理部分解子事项");
    // while a leader sees both
    assertThat(read("/books/{id}", hospitalBook.getId(), "tleader"))
        .contains("分解可见母事项")
        .contains("护理部分解子事项");
  }

  /**
   * An issued book with an item led by 测试医务部 and one by 测试护理部; a department book of {@code
   * responsible} if given.
   */
  private TaskBook issuedBook(
      String responsible, String title, String medicalItem, String nursingItem) {
    TaskBook book;
    if (responsible == null) {
      book = fixture.draft(title);
    } else {
      TaskBookFormData data = new TaskBookFormData();
      data.setTitle(title);
      data.setYear(EngineClock.today().getYear());
      data.setPeriodStart(EngineClock.today().minusDays(30));
      data.setPeriodEnd(EngineClock.today().plusDays(300));
      data.setGoalAreas("医疗服务");
      data.setLevel(BookLevel.DEPARTMENT);
      data.setResponsibleDepartmentId(hospital.department(responsible).getId());
      book = taskBooks.createDraft(data, hospital.user(IssuedItemFixture.ISSUER));
    }
    return fixture.issueSharedBook(book, medicalItem, nursingItem);
  }

  private String exportTexts(Long bookId, String username) throws Exception {
    return WorkbookTexts.of(
        mvc.perform(get("/books/{id}/export.xlsx", bookId).with(as(username)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray());
  }
}
