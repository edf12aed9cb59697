package org.duban.checkin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.duban.book.Indicator;
import org.duban.book.IndicatorEvaluation;
import org.duban.book.IndicatorEvaluator;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.IndicatorChart.Line;
import org.duban.checkin.IndicatorChart.Point;
import org.duban.infrastructure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Draws each indicator's reported readings against its target for the item page. */
@Service
public class IndicatorCharts {

  private static final double PAD = 14;

  private final WorkItemRepository workItems;
  private final CheckInRepository checkIns;

  IndicatorCharts(WorkItemRepository workItems, CheckInRepository checkIns) {
    this.workItems = workItems;
    this.checkIns = checkIns;
  }

  private record Reading(String period, BigDecimal value, IndicatorEvaluation evaluation) {}

  @Transactional(readOnly = true)
  public List<IndicatorChart> of(Long itemId) {
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    List<CheckIn> submitted =
        checkIns.findByWorkItemIdOrderByPeriodDesc(itemId).stream()
            .filter(c -> c.getStatus() == CheckIn.Status.SUBMITTED)
            .sorted(Comparator.comparing(CheckIn::getPeriod))
            .toList();
    List<IndicatorChart> charts = new ArrayList<>();
    for (Indicator indicator : item.getIndicators()) {
      List<Reading> readings = new ArrayList<>();
      for (CheckIn checkIn : submitted) {
        checkIn.getReadings().stream()
            .filter(r -> r.getIndicator().getId().equals(indicator.getId()))
            .findFirst()
            .ifPresent(
                r ->
                    readings.add(
                        new Reading(
                            checkIn.getPeriod(),
                            r.getValue(),
                            evaluate(item, indicator, checkIn.getPeriod(), r.getValue()))));
      }
      charts.add(chart(indicator, readings, item.getTaskBook().getYear()));
    }
    return charts;
  }

  private static IndicatorEvaluation evaluate(
      WorkItem item, Indicator indicator, String period, BigDecimal value) {
    YearMonth month = YearMonth.parse(period);
    LocalDate start = item.startOfWork();
    long total = Math.max(1, ChronoUnit.DAYS.between(start, item.getDeadline()));
    double elapsed = ChronoUnit.DAYS.between(start, month.atEndOfMonth()) / (double) total;
    return IndicatorEvaluator.evaluate(indicator, value, month.getYear(), elapsed);
  }

  private static IndicatorChart chart(Indicator indicator, List<Reading> readings, int bookYear) {
    BigDecimal target = indicator.getDirection().isTrend() ? null : indicator.targetFor(bookYear);
    BigDecimal baseline = indicator.getBaseline();
    List<BigDecimal> values = new ArrayList<>();
    readings.forEach(r -> values.add(r.value()));
    if (target != null) {
      values.add(target);
    }
    if (baseline != null) {
      values.add(baseline);
    }
    BigDecimal min = values.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    BigDecimal max = values.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
    if (min.compareTo(max) == 0) {
      min = min.subtract(BigDecimal.ONE);
      max = max.add(BigDecimal.ONE);
    }
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      Reading reading = readings.get(i);
      double x =
          readings.size() == 1
              ? IndicatorChart.WIDTH / 2.0
              : PAD + i * (IndicatorChart.WIDTH - 2 * PAD) / (readings.size() - 1);
      points.add(
          new Point(
              round(x),
              y(reading.value(), min, max),
              reading.period(),
              plain(reading.value()),
              reading.evaluation().met(),
              reading.evaluation().onSchedule()));
    }
    return new IndicatorChart(
        indicator.describe(),
        indicator.getUnit(),
        points,
        target == null ? null : new Line(y(target, min, max), plain(target)),
        baseline == null ? null : new Line(y(baseline, min, max), plain(baseline)),
        plain(min),
        plain(max));
  }

  private static double y(BigDecimal value, BigDecimal min, BigDecimal max) {
    double share = value.subtract(min).doubleValue() / max.subtract(min).doubleValue();
    return round(IndicatorChart.HEIGHT - PAD - share * (IndicatorChart.HEIGHT - 2 * PAD));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
