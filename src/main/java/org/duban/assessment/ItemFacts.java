package org.duban.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the {@code assessmentScore} decision for one item, gathered from its data.
 *
 * @param indicatorAttainment percent of the item's indicators whose latest reading meets the year's
 *     target; -1 when the item has no indicators
 */
public record ItemFacts(
    Completion completion, int indicatorAttainment, int rectificationsOpen, int rectificationsSignedOff,
    int missedCheckIns) {

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
