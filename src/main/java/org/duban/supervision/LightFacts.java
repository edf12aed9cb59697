package org.duban.supervision;

import java.util.Map;

/** The inputs of the {@code itemLight} decision table for one item. */
public record LightFacts(
    int expectedProgress,
    int reportedProgress,
    int daysSinceLastCheckIn,
    int missedCheckIns,
    int daysToDeadline) {

  public int progressGap() {
    return expectedProgress - reportedProgress;
  }

  /** As process variables, named like the decision table's inputs. */
  public Map<String, Object> asVariables() {
    return Map.of(
        "expectedProgress", expectedProgress,
        "reportedProgress", reportedProgress,
        "progressGap", progressGap(),
        "daysSinceLastCheckIn", daysSinceLastCheckIn,
        "missedCheckIns", missedCheckIns,
        "daysToDeadline", daysToDeadline);
  }

  static LightFacts fromVariables(Map<String, Object> variables) {
    return new LightFacts(
        intOf(variables, "expectedProgress"),
        intOf(variables, "reportedProgress"),
        intOf(variables, "daysSinceLastCheckIn"),
        intOf(variables, "missedCheckIns"),
        intOf(variables, "daysToDeadline"));
  }

  private static int intOf(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value instanceof Number number ? number.intValue() : 0;
  }
}
