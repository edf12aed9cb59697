package org.duban.itempage;

import java.util.List;
import org.duban.book.ItemPageSection;
import org.duban.book.WorkItemQueries;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One item: its line of the book and breakdown, then the sections the features give it (check-ins,
 * lights, escalations, changes; see {@link ItemPageSection}) and its timeline.
 */
@Controller
class ItemPageController {

  private final WorkItemQueries items;
  private final List<ItemPageSection> sections;
  private final ItemTimeline timeline;

  ItemPageController(WorkItemQueries items, List<ItemPageSection> sections, ItemTimeline timeline) {
    this.items = items;
    this.sections = sections;
    this.timeline = timeline;
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
    // only after visibleItem: a section may show what only those who see the item may read
    for (ItemPageSection section : sections) {
      section
          .attributes(id, user)
          .forEach(
              (name, value) -> {
                if (model.containsAttribute(name)) {
                  throw new IllegalStateException("two parts of the item page set '" + name + "'");
                }
                model.addAttribute(name, value);
              });
    }
    TimelineFilter filter = TimelineFilter.of(show);
    if (filter == null) {
      model.addAttribute("timelineUnknownFilter", show);
      filter = TimelineFilter.ALL;
    }
    model.addAttribute("timelineFilter", filter);
    model.addAttribute("timelineFilters", TimelineFilter.values());
    model.addAttribute("timeline", timeline.of(id, item.taskBookId(), filter));
    return "items/item";
  }
}
