package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.WebTestSupport;
import org.duban.book.BookSummary;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookQueries;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemQueries;
import org.duban.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Base of the decomposition web tests, on the shared running app (see {@link RunningAppTest}). The
 * engine clock stands at {@link #TODAY}, 2026-03-02, so that the committed test files' 2026
 * deadlines stay in the future; each test makes its own draft for 2026 by {@code tleader}.
 */
abstract class DecompositionTestSupport extends WebTestSupport {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  static final String ISSUER = "tleader";
  static final String XLSX = DecompositionExportService.CONTENT_TYPE;

  @Autowired TaskBookService taskBooks;
  @Autowired TaskBookQueries bookQueries;
  @Autowired WorkItemQueries itemQueries;
  @Autowired DecompositionUploadRepository uploads;

  @BeforeEach
  void hospitalOnTheSecondOfMarch2026() {
    TestClock.at(TODAY.atTime(10, 0));
  }

  @AfterEach
  void realTimeAgain() {
    TestClock.reset();
  }

  /** A draft of {@link #ISSUER} for 2026 with the goal area 医疗服务. */
  TaskBook draft(String title) {
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(2026);
    data.setPeriodStart(LocalDate.of(2026, 1, 1));
    data.setPeriodEnd(LocalDate.of(2026, 12, 31));
    data.setGoalAreas("医疗服务");
    return taskBooks.createDraft(data, user(ISSUER));
  }

  CurrentUser user(String username) {
    return hospital.user(username);
  }

  static byte[] file(String name) {
    return DecompositionReaderTest.file(name);
  }

  MvcResult upload(Long bookId, String fileName, byte[] content, String username) throws Exception {
    return mvc.perform(
            multipart("/books/{id}/import", bookId)
                .file(new MockMultipartFile("file", fileName, XLSX, content))
                .with(as(username))
                .with(csrf()))
        .andReturn();
  }

  /**
   * Uploads a clean file and returns the id of the stored upload from the redirect to its preview.
   */
  Long uploadClean(Long bookId, String fileName, byte[] content) throws Exception {
    MvcResult result = upload(bookId, fileName, content, ISSUER);
    assertThat(result.getResponse().getStatus()).as(html(result)).isEqualTo(302);
    String location = result.getResponse().getRedirectedUrl();
    assertThat(location).matches("/books/" + bookId + "/import/\\d+");
    return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
  }

  void confirm(Long bookId, Long uploadId) throws Exception {
    mvc.perform(post("/books/{id}/import/{u}", bookId, uploadId).with(as(ISSUER)).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/books/" + bookId + "/edit"));
  }

  static String html(MvcResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> problems(MvcResult result) {
    return HtmlTexts.byClass(html(result), "import-problem");
  }

  List<ItemSummary> items(Long bookId) {
    return itemQueries.visibleItemsOfBook(bookId, user(ISSUER));
  }

  List<String> goalAreas(Long bookId) {
    return bookQueries.summary(bookId).goalAreas().stream()
        .map(BookSummary.GoalAreaRow::name)
        .toList();
  }
}
