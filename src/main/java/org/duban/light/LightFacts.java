package org.duban.light;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the {@code itemLight} decision table for one item: everything a light is explained
 * by. {@code daysToDeadline} is negative once the deadline has passed. {@code expectedProgress}
 * (序时进度) runs from the item's own start ({@code WorkItem.startOfWork()}); {@code
 * daysSinceLastCheckIn} counts from there too while {@code submittedCheckIns} is 0, and pages then
 * say 未填报 instead of the days.
 */
public record LightFacts(
    int expectedProgress,
    int reportedProgress,
    int daysSinceLastCheckIn,
    int missedCheckIns,
    int daysToDeadline,
    int overdueSubTasks,
    int indicatorsOffTrack,
    int submittedCheckIns) {

  /** Facts of an item without sub-tasks or indicators to judge, that has reported before. */
  public LightFacts(
      int expectedProgress,
      int reportedProgress,
      int daysSinceLastCheckIn,
      int missedCheckIns,
      int daysToDeadline) {
    this(
        expectedProgress,
        reportedProgress,
        daysSinceLastCheckIn,
        missedCheckIns,
        daysToDeadline,
        0,
        0);
  }

  /** Facts of an item that has reported before (one submitted check-in at least). */
  public LightFacts(
      int expectedProgress,
      int reportedProgress,
      int daysSinceLastCheckIn,
      int missedCheckIns,
      int daysToDeadline,
      int overdueSubTasks,
      int indicatorsOffTrack) {
    this(
        expectedProgress,
        reportedProgress,
        daysSinceLastCheckIn,
        missedCheckIns,
        daysToDeadline,
        overdueSubTasks,
        indicatorsOffTrack,
        1);
  }

  /** The item has never submitted a check-in: pages show 未填报, not "0 天". */
  public boolean neverReported() {
    return submittedCheckIns == 0;
  }

  /** How far the item lags behind 序时进度, in percentage points (negative when ahead). */
  public int progressGap() {
    return expectedProgress - reportedProgress;
  }

  /** As variables, named like the decision table's inputs. */
  public Map<String, Object> asVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("expectedProgress", expectedProgress);
    variables.put("reportedProgress", reportedProgress);
    variables.put("progressGap", progressGap());
    variables.put("daysSinceLastCheckIn", daysSinceLastCheckIn);
    variables.put("missedCheckIns", missedCheckIns);
    variables.put("daysToDeadline", daysToDeadline);
    variables.put("overdueSubTasks", overdueSubTasks);
    variables.put("indicatorsOffTrack", indicatorsOffTrack);
    variables.put("submittedCheckIns", submittedCheckIns);
    return variables;
  }

  static LightFacts fromVariables(Map<String, Object> variables) {
    return new LightFacts(
        intOf(variables, "expectedProgress"),
        intOf(variables, "reportedProgress"),
        intOf(variables, "daysSinceLastCheckIn"),
        intOf(variables, "missedCheckIns"),
        intOf(variables, "daysToDeadline"),
        intOf(variables, "overdueSubTasks"),
        intOf(variables, "indicatorsOffTrack"),
        intOf(variables, "submittedCheckIns"));
  }

  private static int intOf(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (!(value instanceof Number number)) {
      // a fact the rules looked at must be there: a light explained by a made-up 0 would mislead
      throw new IllegalStateException("light fact " + name + " is missing");
    }
    return number.intValue();
  }
}
