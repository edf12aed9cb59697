package org.duban.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.duban.checkin.CheckIn;
import org.duban.checkin.CheckInService;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.workitem.WorkItem;
import org.duban.workitem.WorkItemRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gathers what the light rules look at from an item's data. */
@Component
public class LightFactsCalculator {

  private final WorkItemRepository workItems;
  private final CheckInService checkIns;

  LightFactsCalculator(WorkItemRepository workItems, CheckInService checkIns) {
    this.workItems = workItems;
    this.checkIns = checkIns;
  }

  @Transactional(readOnly = true)
  public LightFacts factsOf(Long workItemId) {
    WorkItem item = workItems.findById(workItemId).orElseThrow(NotFound::new);
    LocalDate today = EngineClock.today();
    // 序时进度 runs on the book's calendar: an annual target is a year's work, however late the
    // book was issued.
    LocalDate periodStart = item.getTaskBook().getPeriodStart();
    LocalDate issued = item.getIssuedAt() != null ? item.getIssuedAt().toLocalDate() : periodStart;
    LocalDate lastReport =
        checkIns.lastSubmitted(workItemId).map(CheckIn::getRecordedAt).map(t -> t.toLocalDate()).orElse(issued);
    return new LightFacts(
        expectedProgress(periodStart, item.getDeadline(), today),
        item.getPercentDone(),
        (int) Math.max(0, ChronoUnit.DAYS.between(lastReport, today)),
        checkIns.missedSinceLastSubmitted(workItemId),
        (int) ChronoUnit.DAYS.between(today, item.getDeadline()));
  }

  /** 序时进度: the share of the item's time that has passed, in percent. */
  static int expectedProgress(LocalDate start, LocalDate deadline, LocalDate today) {
    long total = ChronoUnit.DAYS.between(start, deadline);
    if (total <= 0 || !today.isBefore(deadline)) {
      return today.isBefore(start) ? 0 : 100;
    }
    long elapsed = Math.max(0, ChronoUnit.DAYS.between(start, today));
    return (int) Math.min(100, elapsed * 100 / total);
  }
}
