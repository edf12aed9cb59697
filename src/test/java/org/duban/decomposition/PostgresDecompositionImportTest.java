package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import org.duban.PostgresAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemQueries;
import org.duban.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The upload storage and a clean import on a real PostgreSQL, the production database. */
@PostgresAppTest
class PostgresDecompositionImportTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Autowired TestHospital hospital;
  @Autowired TaskBookService taskBooks;
  @Autowired DecompositionImportService imports;
  @Autowired DecompositionUploadRepository uploads;
  @Autowired WorkItemQueries items;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void hospitalOnTheSecondOfMarch2026() {
    hospital.ensure();
    TestClock.at(TODAY.atTime(10, 0));
  }

  @AfterEach
  void realTimeAgain() {
    TestClock.reset();
  }

  private TaskBook draft(String title) {
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title);
    data.setYear(2026);
    data.setPeriodStart(LocalDate.of(2026, 1, 1));
    data.setPeriodEnd(LocalDate.of(2026, 12, 31));
    data.setGoalAreas("医疗服务");
    return taskBooks.createDraft(data, leader());
  }

  private CurrentUser leader() {
    return hospital.user("tleader");
  }

  @Test
  void theUploadIsKeptAsByteaAndACleanFileImportsFromIt() throws Exception {
    // Given a draft and a clean table
    TaskBook book = draft("PostgreSQL 导入");
    byte[] content = DecompositionReaderTest.file("clean.xlsx");

    // When it is uploaded
    DecompositionImportService.Uploaded uploaded =
        imports.upload(book.getId(), "clean.xlsx", content, leader());

    // Then the file is kept in a bytea column, byte for byte, with its hash
    assertThat(uploaded.plan().problems()).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select data_type from information_schema.columns"
                    + " where table_name = 'decomposition_upload' and column_name = 'content'",
                String.class))
        .isEqualTo("bytea");
    Map<String, Object> stored =
        jdbc.queryForMap(
            "select content, sha256 from decomposition_upload where id = ?", uploaded.uploadId());
    assertThat(stored.get("content")).isEqualTo(content);
    assertThat(stored.get("sha256"))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));

    // and the preview read back from the database has the file's rows
    assertThat(imports.preview(book.getId(), uploaded.uploadId(), leader()).plan().newRows())
        .hasSize(3);

    // When it is confirmed, Then the items are written and the upload is deleted
    DecompositionImportService.Imported imported =
        imports.confirm(book.getId(), uploaded.uploadId(), leader());
    assertThat(imported.created()).isEqualTo(3);
    assertThat(imported.goalAreasCreated()).containsExactly("学科建设");
    assertThat(items.visibleItemsOfBook(book.getId(), leader()))
        .extracting(ItemSummary::seq, ItemSummary::goalArea, ItemSummary::deadline)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("1", "医疗服务", LocalDate.of(2026, 6, 30)),
            org.assertj.core.api.Assertions.tuple("2", "学科建设", LocalDate.of(2026, 9, 30)),
            org.assertj.core.api.Assertions.tuple("3", "学科建设", LocalDate.of(2026, 12, 31)));
    assertThat(uploads.existsById(uploaded.uploadId())).isFalse();
  }

  @Test
  void uploadsOlderThanADayAreDeletedWhenANewOneIsStored() {
    TaskBook book = draft("PostgreSQL 过期上传");
    Long old =
        imports
            .upload(
                book.getId(), "clean.xlsx", DecompositionReaderTest.file("clean.xlsx"), leader())
            .uploadId();

    TestClock.at(TODAY.plusDays(1).atTime(10, 1));
    Long fresh =
        imports
            .upload(
                book.getId(),
                "reordered-columns.xlsx",
                DecompositionReaderTest.file("reordered-columns.xlsx"),
                leader())
            .uploadId();

    assertThat(uploads.existsById(old)).isFalse();
    assertThat(uploads.existsById(fresh)).isTrue();
  }
}
