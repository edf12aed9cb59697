package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.duban.IssuedItemFixture;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Books in levels: the page shows the books below and the items that break each item down. */
class BookHierarchyWebTest extends WebTestSupport {

  @Autowired TaskBookService books;
  @Autowired TaskBookRepository bookRepository;

  @Test
  void theHospitalBookShowsItsDepartmentBookAndTheItemsBreakingItsItemDown() throws Exception {
    // Given a hospital book whose item is broken down in a department book
    TaskBook hospitalBook = fixture.draft("层级-院级任务书");
    WorkItem parent = fixture.addItem(hospitalBook, "1", "缩短平均住院日");
    TaskBook departmentBook = fixture.departmentDraftUnder(hospitalBook, "tmedical", "层级-医务部任务书");
    WorkItemFormData child = fixture.itemForm(departmentBook, "1.1", "推进日间手术");
    child.setParentItemId(parent.getId());
    books.addItem(departmentBook.getId(), child, hospital.user(IssuedItemFixture.ISSUER));

    // When a leader opens the hospital book
    String html =
        mvc.perform(get("/books/{id}", hospitalBook.getId()).with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    // Then the department book and the breaking-down item are linked from it
    assertThat(html).contains("层级-医务部任务书").contains("1.1 推进日间手术").contains("院级年度任务书");
    // and the department book names its parent and who signs it
    String childHtml =
        mvc.perform(get("/books/{id}", departmentBook.getId()).with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(childHtml).contains("层级-院级任务书").contains("测试医务部").contains("尚未签署");
    // and its editor offers the parent book's items to break down
    String editor =
        mvc.perform(
                get("/books/{id}/edit", departmentBook.getId()).with(as(IssuedItemFixture.ISSUER)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(editor).contains("name=\"parentItemId\"").contains("1 缩短平均住院日");
  }

  @Test
  void aDepartmentBookWithoutItsDepartmentIsRefusedAndNothingIsCreated() throws Exception {
    long before = bookRepository.count();
    String html =
        mvc.perform(
                post("/books")
                    .with(as("tleader"))
                    .with(csrf())
                    .param("title", "缺少责任部门")
                    .param("year", "2026")
                    .param("periodStart", "2026-01-01")
                    .param("periodEnd", "2026-12-31")
                    .param("goalAreas", "医疗服务")
                    .param("level", "DEPARTMENT"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("科室任务书须选择责任部门");
    assertThat(bookRepository.count()).isEqualTo(before);
  }
}
