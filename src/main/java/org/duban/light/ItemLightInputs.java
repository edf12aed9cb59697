package org.duban.light;

import java.util.Set;
import org.duban.deployment.DecisionInputs;
import org.springframework.stereotype.Component;

/** The sweep gives {@code itemLight} the facts of {@link LightFacts}, by these names. */
@Component
class ItemLightInputs implements DecisionInputs {

  @Override
  public String decisionKey() {
    return "itemLight";
  }

  @Override
  public Set<String> variables() {
    return new LightFacts(0, 0, 0, 0, 0).asVariables().keySet();
  }
}
