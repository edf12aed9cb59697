package org.duban.supervision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the {@code itemLight} decision table for one item: everything a light is explained
 * by. {@code daysToDeadline} is negative once the deadline has passed.
 */
public record LightFacts(
    int expectedProgress,
    int reportedProgress,
    int daysSinceLastCheckIn,
    int missedCheckIns,
    int daysToDeadline,
    int overdueSubTasks,
    int indicatorsOffTrack) {

  /** Facts of an item without sub-tasks or indicators to judge. */
  public LightFacts(
      int expectedProgress, int reportedProgress, int daysSinceLastCheckIn, int missedCheckIns, int daysToDeadline) {
    this(expectedProgress, reportedProgress, daysSinceLastCheckIn, missedCheckIns, daysToDeadline, 0, 0);
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
        intOf(variables, "indicatorsOffTrack"));
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
