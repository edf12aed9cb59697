package org.duban.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the {@code assessmentScore} decision for one item, gathered from its data.
 *
 * @param indicatorAttainment percent of the item's indicators whose latest reading meets the year's
 *     target; {@link #NO_INDICATORS} when the item has no indicators, {@link #NO_READINGS} when it
 *     has some but none has a submitted reading (无读数)
 */
public record ItemFacts(
    Completion completion,
    int indicatorAttainment,
    int rectificationsOpen,
    int rectificationsSignedOff,
    int missedCheckIns) {

  public static final int NO_INDICATORS = -1;
  public static final int NO_READINGS = -2;

  public Map<String, Object> asVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("completion", completion.name());
    variables.put("indicatorAttainment", indicatorAttainment);
    variables.put("rectificationsOpen", rectificationsOpen);
    variables.put("rectificationsSignedOff", rectificationsSignedOff);
    variables.put("missedCheckIns", missedCheckIns);
    return variables;
  }
}
