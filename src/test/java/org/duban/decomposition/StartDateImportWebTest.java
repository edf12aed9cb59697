package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.duban.book.TaskBook;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An item's own start (issue 15 point 7): a table may say when its work began (开始时间, e.g. with the
 * book on 1 January although the items are issued in March), and 序时进度 runs from that day. The
 * column is optional, is checked with the other problems of its row, and goes out through export.
 * The editor takes the same date.
 */
class StartDateImportWebTest extends DecompositionTestSupport {

  private static final String[] HEADER = {
    "序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "时间节点", "启动时间"
  };

  @Autowired WorkItemRepository workItems;
  @Autowired TransactionTemplate transactions;

  /** The rows under the hospital's headers (时间节点, 启动时间); an empty cell is left empty. */
  private static byte[] sheet(String[]... rows) {
    HospitalTable table = new HospitalTable().header(HEADER);
    for (String[] row : rows) {
      table.cells(
          java.util.Arrays.stream(row).map(c -> c.isEmpty() ? null : c).toArray(String[]::new));
    }
    return table.xlsx();
  }

  private List<Optional<LocalDate>> startDates(Long bookId) {
    return transactions.execute(
        status ->
            workItems.findByTaskBookIdOrderByIdAsc(bookId).stream()
                .map(WorkItem::getStartDate)
                .map(Optional::ofNullable)
                .toList());
  }

  @Test
  void aStartDateInTheSheetIsTheItemsOwnStartAndGoesOutThroughExport() throws Exception {
    TaskBook book = draft("导入：开始时间");

    confirm(
        book.getId(),
        uploadClean(
            book.getId(),
            "start.xlsx",
            sheet(
                new String[] {
                  "1", "医疗服务", "缩短平均住院日", "", "测试医务部", "", "测试分管院长", "2026-06-30", "2026年1月1日"
                },
                new String[] {
                  "2", "医疗服务", "提升日间手术占比", "", "测试医务部", "", "测试分管院长", "2026-09-30", ""
                })));

    assertThat(startDates(book.getId()))
        .containsExactly(Optional.of(LocalDate.of(2026, 1, 1)), Optional.empty());

    MvcResult export =
        mvc.perform(get("/books/{id}/export.xlsx", book.getId()).with(as(ISSUER))).andReturn();
    TaskBook copy = draft("导入：开始时间（导出再导入）");
    confirm(
        copy.getId(),
        uploadClean(copy.getId(), "export.xlsx", export.getResponse().getContentAsByteArray()));
    assertThat(startDates(copy.getId())).isEqualTo(startDates(book.getId()));
  }

  @Test
  void aStartDateThatIsNoDateOutsideTheBookOrAfterTheDeadlineIsRefusedBesideTheRowsOtherProblems()
      throws Exception {
    TaskBook book = draft("导入：开始时间有误");

    MvcResult result =
        upload(
            book.getId(),
            "start.xlsx",
            sheet(
                new String[] {
                  "1", "医疗服务", "缩短平均住院日", "", "测试医务部", "", "测试分管院长", "2026-06-30", "年初"
                },
                new String[] {
                  "2", "医疗服务", "提升日间手术占比", "", "测试医务部", "", "测试分管院长", "2026-09-30", "2025-12-01"
                },
                new String[] {
                  "3", "医疗服务", "引进学科带头人", "", "测试医务部", "", "测试分管院长", "2026年6月底", "2026-10-08"
                },
                new String[] {
                  "4", "医疗服务", "加强质控", "", "测试医务部", "", "测试分管院长", "2026-04-30", "2026-05-01"
                }),
            ISSUER);

    assertThat(result.getResponse().getStatus()).isEqualTo(422);
    assertThat(problems(result))
        .containsExactly(
            "第 2 行：开始时间“年初”不是有效日期，请写作 2026-01-01、2026/1/1 或 2026年1月1日",
            "第 3 行：开始时间 2025-12-01 不在任务书期限（2026-01-01 至 2026-12-31）之内",
            "第 4 行：完成时限“2026年6月底”不是有效日期，请写作 2026-06-30、2026/6/30 或 2026年6月30日",
            "第 5 行：开始时间 2026-05-01 晚于完成时限 2026-04-30");
    assertThat(HtmlTexts.byClass(html(result), "problem-kind")).contains("开始时间有误：3 处");
    assertThat(items(book.getId())).isEmpty();
  }

  @Test
  void theEditorTakesAStartDateAndRefusesOneAfterTheDeadline() throws Exception {
    TaskBook book = draft("编辑器：开始时间");
    Long area = book.getGoalAreas().get(0).getId();

    String refused =
        html(mvc.perform(item(book, area, "1", "2026-05-01", "2026-04-30")).andReturn());
    assertThat(refused).contains("开始时间不能晚于完成时限");
    assertThat(items(book.getId())).isEmpty();

    mvc.perform(item(book, area, "1", "2026-01-01", "2026-04-30"));
    assertThat(startDates(book.getId())).containsExactly(Optional.of(LocalDate.of(2026, 1, 1)));
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder item(
      TaskBook book, Long area, String seq, String start, String deadline) {
    return post("/books/{id}/items", book.getId())
        .with(as(ISSUER))
        .with(csrf())
        .param("goalAreaId", String.valueOf(area))
        .param("seq", seq)
        .param("title", "随任务书年初启动的事项")
        .param("leadDepartmentId", String.valueOf(hospital.department("tmedical").getId()))
        .param("leaderInChargeId", String.valueOf(hospital.personId("tincharge")))
        .param("deadline", deadline)
        .param("startDate", start);
  }
}
