package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.format.DateTimeFormatter;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.Page;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The printable responsibility book: its own A4 page with the decomposition table and signature
 * blocks, blank until the responsible party signs; shown to the book's department and to
 * departments with items in it, refused to others.
 */
class BookPrintWebTest extends WebTestSupport {

  @Autowired TaskBookRepository books;

  @Test
  void printShowsBlankSignatureLinesUntilTheHeadSignsAndThenTheSignerAndDate() throws Exception {
    // Given an issued department book of 测试医务部, not yet signed
    IssuedItem issued = fixture.issuedDepartmentBook("打印测试目标责任书");

    // When the department's staff opens the printable book
    Page unsigned =
        Page.of(
            mvc.perform(get("/books/{id}/print", issued.bookId()).with(as("tmedstaff")))
                .andExpect(status().isOk())
                .andExpect(view().name("books/print"))
                .andReturn());

    // Then it is a page of its own with the print stylesheet, the decomposition table and blank
    // signature lines
    assertThat(unsigned.html()).contains("/css/book-print.css").doesNotContain("/css/duban.css");
    assertThat(unsigned.texts("kind")).containsExactly("科室目标责任书");
    assertThat(unsigned.html())
        .contains(
            "序号",
            "目标领域",
            "工作任务",
            "具体目标/指标",
            "牵头部门",
            "协同部门",
            "分管领导",
            "完成时限",
            "打印测试目标责任书事项",
            "测试信息中心",
            "测试分管院长");
    assertThat(unsigned.texts("signer")).isEmpty();
    assertThat(unsigned.texts("blank")).isNotEmpty();
    assertThat(unsigned.texts("partial")).isEmpty();

    // When the head signs on the task page
    String taskId = fixture.openBookTask(issued, "signTaskBook").getId();
    Page form =
        Page.of(
            mvc.perform(get("/tasks/{id}", taskId).with(as("tmedhead")))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(form.hasControl("signDecision")).isTrue();
    assertThat(form.html()).contains("《打印测试目标责任书》");
    mvc.perform(
            post("/tasks/{id}", taskId)
                .with(as("tmedhead"))
                .with(csrf())
                .param("signDecision", "sign")
                .param("question", ""))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/tasks"));

    // Then the printable book shows the signer's name and the date of signing
    Page signed =
        Page.of(
            mvc.perform(get("/books/{id}/print", issued.bookId()).with(as("tmedstaff")))
                .andExpect(status().isOk())
                .andReturn());
    String signedOn =
        books
            .findById(issued.bookId())
            .orElseThrow()
            .getSignedAt()
            .format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
    assertThat(signed.texts("signer")).containsExactly("测试医务主任");
    assertThat(signed.texts("signed-at")).containsExactly(signedOn);
  }

  @Test
  void printIsForTheBooksDepartmentAndDepartmentsWithItemsInItOnly() throws Exception {
    // Given a department book of 测试医务部 whose item 测试信息中心 collaborates on
    IssuedItem issued = fixture.issuedDepartmentBook("打印权限目标责任书");

    // When another department without items in it asks for it, Then it is refused
    mvc.perform(get("/books/{id}/print", issued.bookId()).with(as("tnursehead")))
        .andExpect(status().isForbidden());

    // When the collaborating department asks, Then it gets its items only, and says so
    Page collaborator =
        Page.of(
            mvc.perform(get("/books/{id}/print", issued.bookId()).with(as("tithead")))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(collaborator.texts("partial")).hasSize(1);
    assertThat(collaborator.html()).contains("打印权限目标责任书事项");

    // And the supervision office sees the whole book
    mvc.perform(get("/books/{id}/print", issued.bookId()).with(as("tducha")))
        .andExpect(status().isOk());
  }
}
