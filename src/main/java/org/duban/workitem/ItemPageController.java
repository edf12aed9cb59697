package org.duban.workitem;

import org.duban.change.ChangeService;
import org.duban.checkin.CheckInService;
import org.duban.checkin.IndicatorCharts;
import org.duban.history.ItemHistory;
import org.duban.security.CurrentUser;
import org.duban.supervision.SupervisionQueries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One item: its line of the book, breakdown, check-ins, lights, escalations and history. */
@Controller
class ItemPageController {

  private final WorkItemQueries items;
  private final CheckInService checkIns;
  private final SupervisionQueries supervision;
  private final ItemHistory history;
  private final IndicatorCharts charts;
  private final ChangeService changes;

  ItemPageController(
      WorkItemQueries items,
      CheckInService checkIns,
      SupervisionQueries supervision,
      ItemHistory history,
      IndicatorCharts charts,
      ChangeService changes) {
    this.charts = charts;
    this.changes = changes;
    this.items = items;
    this.checkIns = checkIns;
    this.supervision = supervision;
    this.history = history;
  }

  @GetMapping("/items/{id}")
  String show(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("item", items.visibleItem(id, user));
    model.addAttribute("subTasks", items.subTasks(id));
    model.addAttribute("checkIns", checkIns.views(id));
    model.addAttribute("lights", supervision.lightsOf(id));
    model.addAttribute("escalations", supervision.ofItem(id));
    model.addAttribute("events", history.ofItem(id));
    model.addAttribute("charts", charts.of(id));
    model.addAttribute("mayProposeChange", changes.mayPropose(id, user));
    return "items/item";
  }
}
