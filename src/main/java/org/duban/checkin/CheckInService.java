package org.duban.checkin;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.book.Indicator;
import org.duban.book.ItemProgress;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monthly check-ins: submitted by the lead department, or recorded as missed by the timer. */
@Service
public class CheckInService {

  private final CheckInRepository checkIns;
  private final WorkItemRepository workItems;
  private final ItemHistory history;
  private final ItemProgress progress;

  CheckInService(
      CheckInRepository checkIns,
      WorkItemRepository workItems,
      ItemHistory history,
      ItemProgress progress) {
    this.checkIns = checkIns;
    this.workItems = workItems;
    this.history = history;
    this.progress = progress;
  }

  /** Items a monthly round asks to report on: issued and not yet closed. */
  @Transactional(readOnly = true)
  public List<Long> openItemIds() {
    return workItems.findOpenIds();
  }

  /** Items that already have a check-in, submitted or missed, for the month. */
  @Transactional(readOnly = true)
  public List<Long> itemIdsRecordedIn(String period) {
    return checkIns.findWorkItemIdsByPeriod(period);
  }

  @Transactional
  public CheckIn submit(
      Long itemId,
      String period,
      int percentDone,
      Map<Long, BigDecimal> readings,
      String narrative,
      String obstacles,
      String actor) {
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    Optional<CheckIn> existing = checkIns.findByWorkItemIdAndPeriod(itemId, period);
    if (existing.isPresent()) {
      throw UserError.at("percentDone", "checkIn.alreadyRecorded", period);
    }
    if (percentDone < item.getPercentDone()) {
      throw UserError.at("percentDone", "checkIn.percentDecreased", item.getPercentDone());
    }
    LocalDateTime now = EngineClock.now();
    CheckIn checkIn =
        CheckIn.submitted(item, period, percentDone, narrative, obstacles, actor, now);
    for (Indicator indicator : item.getIndicators()) {
      BigDecimal value = readings.get(indicator.getId());
      if (value != null) {
        checkIn.addReading(indicator, value);
      }
    }
    progress.reported(itemId, percentDone);
    checkIns.save(checkIn);
    history.itemEvent(
        itemId,
        item.getTaskBook().getId(),
        actor,
        EventKind.CHECK_IN_SUBMITTED,
        MessageText.of("history.checkIn.submitted", period, percentDone));
    return checkIn;
  }

  /** Called by the boundary timer; a second call for the same period records nothing more. */
  @Transactional
  public void recordMissed(Long itemId, String period) {
    if (checkIns.findByWorkItemIdAndPeriod(itemId, period).isPresent()) {
      return;
    }
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    checkIns.save(CheckIn.missed(item, period, EngineClock.now()));
    history.itemEvent(
        itemId, item.getTaskBook().getId(), ItemHistory.SYSTEM, EventKind.CHECK_IN_MISSED, period);
  }

  /** A check-in as pages show it, with its readings described. */
  public record CheckInView(
      String period,
      CheckIn.Status status,
      Integer percentDone,
      String narrative,
      String obstacles,
      String submittedBy,
      LocalDateTime recordedAt,
      List<String> readings) {}

  @Transactional(readOnly = true)
  public List<CheckInView> views(Long itemId) {
    return checkIns.findByWorkItemIdOrderByPeriodDesc(itemId).stream()
        .map(
            c ->
                new CheckInView(
                    c.getPeriod(),
                    c.getStatus(),
                    c.getPercentDone(),
                    c.getNarrative(),
                    c.getObstacles(),
                    c.getSubmittedBy(),
                    c.getRecordedAt(),
                    c.getReadings().stream()
                        .map(
                            r ->
                                MessageText.of(
                                        "checkin.reading.line",
                                        r.getIndicator().getName(),
                                        r.getValue().stripTrailingZeros().toPlainString()
                                            + (r.getIndicator().getUnit() == null
                                                ? ""
                                                : r.getIndicator().getUnit()),
                                        r.isOnTarget() ? "✓" : "✗")
                                    .in(MessageTexts.readerLocale()))
                        .toList()))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<CheckIn> lastSubmitted(Long itemId) {
    return checkIns.findFirstByWorkItemIdAndStatusOrderByRecordedAtDesc(
        itemId, CheckIn.Status.SUBMITTED);
  }

  /** Missed check-ins since the last submitted one: the run of silence the rules look at. */
  @Transactional(readOnly = true)
  public int missedSinceLastSubmitted(Long itemId) {
    int missed = 0;
    for (CheckIn checkIn : checkIns.findByWorkItemIdOrderByPeriodDesc(itemId)) {
      if (checkIn.getStatus() == CheckIn.Status.SUBMITTED) {
        break;
      }
      missed++;
    }
    return missed;
  }
}
