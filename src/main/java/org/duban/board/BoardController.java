package org.duban.board;

import java.util.List;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 院领导驾驶舱: where the hospital stands, every number a link to the items behind it. */
@Controller
class BoardController {

  static final int PAGE_SIZE = 50;

  private final BoardQueries queries;
  private final BoardAccess access;

  BoardController(BoardQueries queries, BoardAccess access) {
    this.queries = queries;
    this.access = access;
  }

  @GetMapping("/board")
  String board(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Long book,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Long department,
      @RequestParam(required = false) Long leader,
      Model model) {
    BoardFilter asked = BoardFilter.of(book, year, area, department, leader);
    BoardFilter filter = access.allowed(user, asked);
    boolean wholeHospital = access.seesHospital(user);
    model.addAttribute("filter", filter);
    model.addAttribute("wholeHospital", wholeHospital);
    model.addAttribute("heldToDepartment", !wholeHospital && department != null && !department.equals(filter.department()));
    model.addAttribute("total", queries.total(filter));
    model.addAttribute("areas", queries.counts(filter, BoardQueries.Dimension.AREA));
    model.addAttribute("departments", queries.counts(filter, BoardQueries.Dimension.DEPARTMENT));
    model.addAttribute("leaders", queries.counts(filter, BoardQueries.Dimension.LEADER));
    model.addAttribute("buckets", List.of(Bucket.RED, Bucket.YELLOW, Bucket.GREEN, Bucket.NONE, Bucket.CLOSED));
    model.addAttribute("columns", List.of(Bucket.RED, Bucket.YELLOW, Bucket.GREEN, Bucket.NONE, Bucket.CLOSED,
        Bucket.OVERDUE, Bucket.NOTICE));
    model.addAttribute("all", Bucket.ALL);
    model.addAttribute("overdue", Bucket.OVERDUE);
    model.addAttribute("notice", Bucket.NOTICE);
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
    model.addAttribute("items", queries.items(filter, show, current * PAGE_SIZE, PAGE_SIZE));
    return "board/items";
  }

  private void addOptions(Model model, BoardFilter filter, boolean wholeHospital) {
    model.addAttribute("bookOptions", queries.books(wholeHospital ? null : filter.department()));
    model.addAttribute("yearOptions", queries.years());
    model.addAttribute("areaOptions", queries.areas());
    model.addAttribute("departmentOptions", wholeHospital
        ? queries.departments()
        : queries.departments().stream().filter(o -> o.value().equals(String.valueOf(filter.department()))).toList());
    model.addAttribute("leaderOptions", queries.leaders());
  }
}
