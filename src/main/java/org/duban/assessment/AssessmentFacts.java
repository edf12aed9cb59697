package org.duban.assessment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.book.Indicator;
import org.duban.book.IndicatorEvaluator;
import org.duban.book.ItemStage;
import org.duban.book.WorkItem;
import org.duban.checkin.CheckInFigures;
import org.duban.ladder.RectificationCounts;
import org.springframework.stereotype.Component;

/**
 * Gathers items' {@link ItemFacts} from their data: their stage and closing date against the
 * deadline, their indicators' latest submitted readings, their rectifications and their missed
 * check-ins. The check-ins and rectifications are counted by the features that own them, a few
 * queries for all the items at once.
 */
@Component
class AssessmentFacts {

  private final CheckInFigures checkIns;
  private final RectificationCounts rectifications;

  AssessmentFacts(CheckInFigures checkIns, RectificationCounts rectifications) {
    this.checkIns = checkIns;
    this.rectifications = rectifications;
  }

  /** The facts of each of the items, by item id. */
  Map<Long, ItemFacts> of(Collection<WorkItem> items) {
    List<Long> itemIds = items.stream().map(WorkItem::getId).toList();
    Map<Long, BigDecimal> latest =
        checkIns.latestSubmittedReadings(
            items.stream().flatMap(i -> i.getIndicators().stream()).map(Indicator::getId).toList());
    Map<Long, Integer> open = rectifications.openByItem(itemIds);
    Map<Long, Integer> signedOff = rectifications.signedOffByItem(itemIds);
    Map<Long, Integer> missed = checkIns.missedByItem(itemIds);
    Map<Long, ItemFacts> facts = new HashMap<>();
    for (WorkItem item : items) {
      facts.put(
          item.getId(),
          new ItemFacts(
              completion(item),
              attainment(item, latest),
              open.getOrDefault(item.getId(), 0),
              signedOff.getOrDefault(item.getId(), 0),
              missed.getOrDefault(item.getId(), 0)));
    }
    return facts;
  }

  static Completion completion(WorkItem item) {
    if (item.getStage() != ItemStage.CLOSED || item.getClosedAt() == null) {
      return Completion.OPEN;
    }
    return item.getClosedAt().toLocalDate().isAfter(item.getDeadline())
        ? Completion.LATE
        : Completion.ON_TIME;
  }

  private static int attainment(WorkItem item, Map<Long, BigDecimal> latestReadings) {
    List<Indicator> indicators = item.getIndicators();
    if (indicators.isEmpty()) {
      return ItemFacts.NO_INDICATORS;
    }
    int year = item.getTaskBook().getYear();
    int met = 0;
    int read = 0;
    for (Indicator indicator : indicators) {
      BigDecimal latest = latestReadings.get(indicator.getId());
      if (latest != null) {
        read++;
        if (IndicatorEvaluator.evaluate(indicator, latest, year, 1.0).met()) {
          met++;
        }
      }
    }
    // no reading at all is not a missed target: the rules score it from the completion report (无读数)
    return read == 0 ? ItemFacts.NO_READINGS : met * 100 / indicators.size();
  }
}
