package org.duban.light;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.book.Indicator;
import org.duban.book.IndicatorEvaluator;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.CheckIn;
import org.duban.checkin.CheckInService;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.light.LightFactsRepository.Reading;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gathers what the light rules look at from an item's data. */
@Component
public class LightFactsCalculator {

  private final WorkItemRepository workItems;
  private final CheckInService checkIns;
  private final LightFactsRepository facts;

  LightFactsCalculator(
      WorkItemRepository workItems, CheckInService checkIns, LightFactsRepository facts) {
    this.workItems = workItems;
    this.checkIns = checkIns;
    this.facts = facts;
  }

  @Transactional(readOnly = true)
  public LightFacts factsOf(Long workItemId) {
    WorkItem item = workItems.findById(workItemId).orElseThrow(NotFound::new);
    LocalDate today = EngineClock.today();
    // 序时进度 runs from the item's own start (a sheet's start date, else the day it was issued): an
    // item issued in October has October to its deadline, not the year the book began in January.
    LocalDate start = item.startOfWork();
    LocalDate lastReport =
        checkIns
            .lastSubmitted(workItemId)
            .map(CheckIn::getRecordedAt)
            .map(t -> t.toLocalDate())
            .orElse(start);
    return new LightFacts(
        expectedProgress(start, item.getDeadline(), today),
        item.getPercentDone(),
        (int) Math.max(0, ChronoUnit.DAYS.between(lastReport, today)),
        checkIns.missedSinceLastSubmitted(workItemId),
        (int) ChronoUnit.DAYS.between(today, item.getDeadline()),
        (int) facts.countOverdueSubTasks(workItemId, today),
        indicatorsOffTrack(item),
        (int) facts.countSubmittedCheckIns(workItemId));
  }

  /** 序时进度: the share of the item's time that has passed, in percent. */
  public static int expectedProgress(LocalDate start, LocalDate deadline, LocalDate today) {
    long total = ChronoUnit.DAYS.between(start, deadline);
    if (total <= 0 || !today.isBefore(deadline)) {
      return today.isBefore(start) ? 0 : 100;
    }
    long elapsed = Math.max(0, ChronoUnit.DAYS.between(start, today));
    return (int) Math.min(100, elapsed * 100 / total);
  }

  /**
   * Indicators whose latest reading is off track: neither meeting the target of its year nor on the
   * line from baseline to target at the end of its month. Judged as the item page's charts judge
   * it, so the light and the chart never disagree. An indicator without readings is not counted:
   * silence is what the check-in rules look at.
   */
  private int indicatorsOffTrack(WorkItem item) {
    if (item.getIndicators().isEmpty()) {
      return 0;
    }
    Map<Long, Indicator> indicators =
        item.getIndicators().stream()
            .collect(Collectors.toMap(Indicator::getId, Function.identity()));
    LocalDate start = item.startOfWork();
    long total = Math.max(1, ChronoUnit.DAYS.between(start, item.getDeadline()));
    Set<Long> judged = new HashSet<>();
    int offTrack = 0;
    for (Reading reading : facts.readingsNewestFirst(item.getId())) {
      Indicator indicator = indicators.get(reading.indicatorId());
      if (indicator == null || !judged.add(reading.indicatorId())) {
        continue; // only the newest reading of each indicator counts
      }
      YearMonth month = YearMonth.parse(reading.period());
      double elapsed = ChronoUnit.DAYS.between(start, month.atEndOfMonth()) / (double) total;
      if (!IndicatorEvaluator.evaluate(indicator, reading.value(), month.getYear(), elapsed)
          .onSchedule()) {
        offTrack++;
      }
    }
    return offTrack;
  }
}
