package org.duban.urge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one may urge (催办), from {@code duban.urge.*}: an urge that is not rare stops being
 * read, so each urger may press one item once a day and make a few urges a day in all.
 */
@Component
public class UrgeLimits {

  private final int perItemPerDay;
  private final int perUrgerPerDay;

  UrgeLimits(
      @Value("${duban.urge.per-item-per-day:1}") int perItemPerDay,
      @Value("${duban.urge.per-urger-per-day:20}") int perUrgerPerDay) {
    this.perItemPerDay = perItemPerDay;
    this.perUrgerPerDay = perUrgerPerDay;
  }

  /** Urges of one item by one urger on one day. */
  public int perItemPerDay() {
    return perItemPerDay;
  }

  /** Urges by one urger on one day, all items together. */
  public int perUrgerPerDay() {
    return perUrgerPerDay;
  }
}
