package org.duban.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Scores an item with the {@code assessmentScore} decision ({@code processes/assessment-score.dmn},
 * which admins edit in Modeler): the latest deployed version, every matching rule adding its
 * points.
 */
@Component
public class ScoringRules {

  public static final String DECISION_KEY = "assessmentScore";

  private final DecisionService decisions;

  public ScoringRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  public ItemScore score(ItemFacts facts) {
    DmnDecisionResult result =
        decisions.evaluateDecisionByKey(DECISION_KEY).variables(facts.asVariables()).evaluate();
    List<ItemScore.Reason> reasons = new ArrayList<>();
    for (DmnDecisionResultEntries entries : result) {
      Object points = entries.getEntry("points");
      Object rule = entries.getEntry("rule");
      Object reason = entries.getEntry("reason");
      reasons.add(
          new ItemScore.Reason(
              rule == null ? "" : rule.toString(),
              points instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO,
              reason == null ? "" : reason.toString()));
    }
    return ItemScore.of(reasons);
  }
}
