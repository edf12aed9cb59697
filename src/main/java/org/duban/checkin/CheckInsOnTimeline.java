package org.duban.checkin;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.book.Indicator;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.TimelineDetailSource;
import org.springframework.stereotype.Component;

/** Beside a check-in's event on the item's timeline: the check-in with its readings. */
@Component
class CheckInsOnTimeline implements TimelineDetailSource {

  private final CheckInRepository checkIns;

  CheckInsOnTimeline(CheckInRepository checkIns) {
    this.checkIns = checkIns;
  }

  @Override
  public TimelineDetails of(Long itemId, List<ItemEvent> events) {
    Map<String, CheckIn> checkInByPeriod = new HashMap<>();
    checkIns
        .findByWorkItemIdOrderByPeriodDesc(itemId)
        .forEach(c -> checkInByPeriod.put(c.getPeriod(), c));
    return (event, kind) ->
        kind == EventKind.CHECK_IN_SUBMITTED || kind == EventKind.CHECK_IN_MISSED
            ? TimelineDetailSource.detail(
                CHECK_IN, checkIn(checkInByPeriod, event.getStoredDetail()))
            : Map.of();
  }

  /** The check-in whose month the event's detail starts with ({@code 2026-04：30%}). */
  private static CheckInDetail checkIn(Map<String, CheckIn> checkInByPeriod, String detail) {
    if (detail == null) {
      return null;
    }
    int colon = detail.indexOf('：');
    CheckIn checkIn = checkInByPeriod.get(colon < 0 ? detail.trim() : detail.substring(0, colon));
    if (checkIn == null) {
      return null;
    }
    int year = Integer.parseInt(checkIn.getPeriod().substring(0, 4));
    List<CheckInDetail.Reading> readings =
        checkIn.getReadings().stream().map(r -> reading(r, year)).toList();
    return new CheckInDetail(
        checkIn.getPeriod(),
        checkIn.getStatus() == CheckIn.Status.MISSED,
        checkIn.getPercentDone(),
        checkIn.getNarrative(),
        checkIn.getObstacles(),
        readings);
  }

  private static CheckInDetail.Reading reading(IndicatorReading reading, int year) {
    Indicator indicator = reading.getIndicator();
    BigDecimal target =
        indicator.getDirection().isTrend() ? indicator.getBaseline() : indicator.targetFor(year);
    return new CheckInDetail.Reading(
        indicator.getName(),
        plain(reading.getValue()),
        indicator.getUnit(),
        indicator.getDirection().symbol(),
        plain(target),
        reading.isOnTarget());
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }
}
