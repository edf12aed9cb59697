package org.duban.assessment;

import java.math.BigDecimal;
import java.util.List;
import org.duban.book.Indicator;
import org.duban.book.IndicatorEvaluator;
import org.duban.book.ItemStage;
import org.duban.book.WorkItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers an item's {@link ItemFacts} from its data: its stage and closing date against the deadline,
 * its indicators' latest submitted readings, its rectifications and its missed check-ins.
 */
@Component
class AssessmentFacts {

  private final JdbcTemplate jdbc;

  AssessmentFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  ItemFacts of(WorkItem item) {
    return new ItemFacts(completion(item), attainment(item), rectificationsOpen(item.getId()),
        rectificationsSignedOff(item.getId()), missedCheckIns(item.getId()));
  }

  static Completion completion(WorkItem item) {
    if (item.getStage() != ItemStage.CLOSED || item.getClosedAt() == null) {
      return Completion.OPEN;
    }
    return item.getClosedAt().toLocalDate().isAfter(item.getDeadline()) ? Completion.LATE : Completion.ON_TIME;
  }

  private int attainment(WorkItem item) {
    List<Indicator> indicators = item.getIndicators();
    if (indicators.isEmpty()) {
      return ItemFacts.NO_INDICATORS;
    }
    int year = item.getTaskBook().getYear();
    int met = 0;
    int read = 0;
    for (Indicator indicator : indicators) {
      List<BigDecimal> latest = jdbc.queryForList(
          "select r.reading from indicator_reading r join check_in c on c.id = r.check_in_id"
              + " where r.indicator_id = ? and c.status = 'SUBMITTED' order by c.period desc fetch first 1 rows only",
          BigDecimal.class, indicator.getId());
      if (!latest.isEmpty()) {
        read++;
        if (IndicatorEvaluator.evaluate(indicator, latest.get(0), year, 1.0).met()) {
          met++;
        }
      }
    }
    // no reading at all is not a missed target: the rules score it from the completion report (无读数)
    return read == 0 ? ItemFacts.NO_READINGS : met * 100 / indicators.size();
  }

  private int rectificationsOpen(Long itemId) {
    return count("select count(*) from rectification r join escalation e on e.id = r.escalation_id"
        + " where e.work_item_id = ? and r.status <> 'SIGNED_OFF' and e.status = 'OPEN'", itemId);
  }

  private int rectificationsSignedOff(Long itemId) {
    return count("select count(*) from rectification r join escalation e on e.id = r.escalation_id"
        + " where e.work_item_id = ? and r.status = 'SIGNED_OFF'", itemId);
  }

  private int missedCheckIns(Long itemId) {
    return count("select count(*) from check_in where work_item_id = ? and status = 'MISSED'", itemId);
  }

  private int count(String sql, Long itemId) {
    Integer count = jdbc.queryForObject(sql, Integer.class, itemId);
    return count == null ? 0 : count;
  }
}
