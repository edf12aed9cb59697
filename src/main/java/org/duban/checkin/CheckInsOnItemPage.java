package org.duban.checkin;

import java.util.Map;
import org.duban.book.ItemPageSection;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The item page's check-ins: every month's check-in, and a chart per indicator. */
@Component
class CheckInsOnItemPage implements ItemPageSection {

  private final CheckInService checkIns;
  private final IndicatorCharts charts;

  CheckInsOnItemPage(CheckInService checkIns, IndicatorCharts charts) {
    this.checkIns = checkIns;
    this.charts = charts;
  }

  @Override
  public Map<String, Object> attributes(Long itemId, CurrentUser user) {
    return Map.of("checkIns", checkIns.views(itemId), "charts", charts.of(itemId));
  }
}
