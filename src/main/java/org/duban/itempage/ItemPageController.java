package org.duban.itempage;

import org.duban.book.WorkItemQueries;

import org.duban.change.ChangeService;
import org.duban.checkin.CheckInService;
import org.duban.checkin.IndicatorCharts;
import org.duban.security.CurrentUser;
import org.duban.supervision.SupervisionQueries;
import org.duban.itempage.ItemTimeline;
import org.duban.itempage.TimelineFilter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One item: its line of the book, breakdown, check-ins, lights, escalations and its timeline. */
@Controller
class ItemPageController {

  private final WorkItemQueries items;
  private final CheckInService checkIns;
  private final SupervisionQueries supervision;
  private final IndicatorCharts charts;
  private final ChangeService changes;
  private final ItemTimeline timeline;

  ItemPageController(
      WorkItemQueries items,
      CheckInService checkIns,
      SupervisionQueries supervision,
      IndicatorCharts charts,
      ChangeService changes,
      ItemTimeline timeline) {
    this.timeline = timeline;
    this.charts = charts;
    this.changes = changes;
    this.items = items;
    this.checkIns = checkIns;
    this.supervision = supervision;
  }

  @GetMapping("/items/{id}")
  String show(
      @PathVariable Long id,
      @RequestParam(name = "show", required = false) String show,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    var item = items.visibleItem(id, user);
    model.addAttribute("item", item);
    model.addAttribute("neverReported", items.neverReported(id));
    model.addAttribute("subTasks", items.subTasks(id));
    model.addAttribute("checkIns", checkIns.views(id));
    model.addAttribute("lights", supervision.lightsOf(id));
    model.addAttribute("escalations", supervision.ofItem(id));
    TimelineFilter filter = TimelineFilter.of(show);
    if (filter == null) {
      model.addAttribute("timelineUnknownFilter", show);
      filter = TimelineFilter.ALL;
    }
    model.addAttribute("timelineFilter", filter);
    model.addAttribute("timelineFilters", TimelineFilter.values());
    model.addAttribute("timeline", timeline.of(id, item.taskBookId(), filter));
    model.addAttribute("charts", charts.of(id));
    model.addAttribute("mayProposeChange", changes.mayPropose(id, user));
    return "items/item";
  }
}
