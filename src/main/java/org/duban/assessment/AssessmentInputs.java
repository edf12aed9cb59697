package org.duban.assessment;

import java.util.Set;
import org.duban.deployment.DecisionInputs;
import org.springframework.stereotype.Component;

/** Duban gives {@code assessmentScore} the facts of {@link ItemFacts}, by these names. */
@Component
class AssessmentInputs implements DecisionInputs {

  @Override
  public String decisionKey() {
    return ScoringRules.DECISION_KEY;
  }

  @Override
  public Set<String> variables() {
    return new ItemFacts(Completion.OPEN, 0, 0, 0, 0).asVariables().keySet();
  }
}
