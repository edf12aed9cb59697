package org.duban.board;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.infrastructure.EngineClock;
import org.duban.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 院领导驾驶舱: where the hospital stands, every number a link to the items behind it. */
@Controller
class BoardController {

  static final int PAGE_SIZE = 50;

  /** Texts board.js shows, by their key in the bundle. */
  static final List<String> CHART_LABELS =
      List.of(
          "board.bucket.RED",
          "board.bucket.YELLOW",
          "board.bucket.GREEN",
          "board.bucket.NONE",
          "board.bucket.CLOSED",
          "board.chart.actual",
          "board.chart.expected",
          "board.chart.gap",
          "board.chart.target",
          "board.chart.baseline",
          "board.chart.reading",
          "board.chart.noData",
          "board.chart.noReadings",
          "board.chart.notReported");

  private final BoardQueries queries;
  private final BoardProgress progress;
  private final BoardAccess access;
  private final MessageSource messages;

  BoardController(
      BoardQueries queries, BoardProgress progress, BoardAccess access, MessageSource messages) {
    this.queries = queries;
    this.progress = progress;
    this.access = access;
    this.messages = messages;
  }

  @GetMapping("/board")
  String board(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Long book,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Long department,
      @RequestParam(required = false) Long leader,
      Model model) {
    BoardFilter asked = BoardFilter.of(book, yearOf(year), area, department, leader);
    BoardFilter filter = access.allowed(user, asked);
    boolean wholeHospital = access.seesHospital(user);
    model.addAttribute("filter", filter);
    model.addAttribute("wholeHospital", wholeHospital);
    model.addAttribute(
        "heldToDepartment",
        !wholeHospital && department != null && !department.equals(filter.department()));
    model.addAttribute("total", queries.total(filter));
    model.addAttribute("areas", queries.counts(filter, BoardQueries.Dimension.AREA));
    model.addAttribute("departments", queries.counts(filter, BoardQueries.Dimension.DEPARTMENT));
    model.addAttribute("leaders", queries.counts(filter, BoardQueries.Dimension.LEADER));
    model.addAttribute("progress", progress.byDepartment(filter));
    model.addAttribute(
        "buckets", List.of(Bucket.RED, Bucket.YELLOW, Bucket.GREEN, Bucket.NONE, Bucket.CLOSED));
    model.addAttribute(
        "columns",
        List.of(
            Bucket.RED,
            Bucket.YELLOW,
            Bucket.GREEN,
            Bucket.NONE,
            Bucket.CLOSED,
            Bucket.OVERDUE,
            Bucket.NOTICE));
    // not "notice": the layout shows a model attribute of that name as a flash message
    model.addAttribute("allBucket", Bucket.ALL);
    model.addAttribute("redBucket", Bucket.RED);
    model.addAttribute("overdueBucket", Bucket.OVERDUE);
    model.addAttribute("noticeBucket", Bucket.NOTICE);
    addOptions(model, filter, wholeHospital);
    return "board/board";
  }

  @GetMapping("/board/items")
  String items(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "ALL") Bucket show,
      @RequestParam(required = false) Long book,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Long department,
      @RequestParam(required = false) Long leader,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    BoardFilter filter = access.allowed(user, BoardFilter.of(book, year, area, department, leader));
    int current = Math.max(0, page);
    long total = queries.countItems(filter, show);
    model.addAttribute("filter", filter);
    model.addAttribute("show", show);
    model.addAttribute("total", total);
    model.addAttribute("page", current);
    model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
    List<BoardItemRow> items = queries.items(filter, show, current * PAGE_SIZE, PAGE_SIZE);
    model.addAttribute("items", items);
    model.addAttribute(
        "obstacles", queries.latestObstacles(items.stream().map(BoardItemRow::id).toList()));
    return "board/items";
  }

  /**
   * The board opens on the current year; "全部" (an empty year) shows every year, and a year that is
   * not a number is taken as every year too.
   */
  static Integer yearOf(String year) {
    if (year == null) {
      return EngineClock.today().getYear();
    }
    try {
      return year.isBlank() ? null : Integer.valueOf(year.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The charts' data for board.js, under the same filter and the same rights as the page. */
  @GetMapping(value = "/board/data", produces = "application/json")
  @ResponseBody
  BoardData data(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Long book,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Long department,
      @RequestParam(required = false) Long leader,
      HttpServletRequest request,
      Locale locale) {
    BoardFilter filter = access.allowed(user, BoardFilter.of(book, year, area, department, leader));
    String context = request.getContextPath();
    Map<String, String> labels = new LinkedHashMap<>();
    CHART_LABELS.forEach(
        key ->
            labels.put(key.substring("board.".length()), messages.getMessage(key, null, locale)));
    return new BoardData(
        labels,
        BoardData.Row.of(queries.total(filter), filter, context),
        queries.counts(filter, BoardQueries.Dimension.DEPARTMENT).stream()
            .map(row -> BoardData.Row.of(row, filter.row("department", row.key()), context))
            .toList(),
        progress.byDepartment(filter),
        progress.indicators(filter));
  }

  private void addOptions(Model model, BoardFilter filter, boolean wholeHospital) {
    model.addAttribute("bookOptions", queries.books(wholeHospital ? null : filter.department()));
    model.addAttribute("yearOptions", queries.years());
    model.addAttribute("areaOptions", queries.areas());
    model.addAttribute(
        "departmentOptions",
        wholeHospital
            ? queries.departments()
            : queries.departments().stream()
                .filter(o -> o.value().equals(String.valueOf(filter.department())))
                .toList());
    model.addAttribute("leaderOptions", queries.leaders());
  }
}
