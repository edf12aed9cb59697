package org.duban.book;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.duban.org.Person;

/**
 * For tests outside {@code book}: puts an item straight into the state the processes and the sweep
 * would leave it in. The item's mutators are {@code book}'s own; application code goes through its
 * services.
 */
public final class ItemStates {

  private ItemStates() {}

  public static void lit(WorkItem item, Light light, String reason, LocalDateTime at) {
    item.lit(light, reason, at);
  }

  public static void closed(WorkItem item, LocalDateTime at) {
    item.closed(at);
  }

  public static void startOn(WorkItem item, LocalDate day) {
    item.startOn(day);
  }

  public static void revise(
      WorkItem item,
      String title,
      String targetText,
      Person leaderInCharge,
      LocalDate deadline,
      String acceptanceCriteria) {
    item.revise(title, targetText, leaderInCharge, deadline, acceptanceCriteria);
  }
}
