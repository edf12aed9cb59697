package org.duban.deployment;

import java.util.Set;

/**
 * The variables Duban gives a decision table when it evaluates it, declared by the feature that
 * gathers them (the weekly sweep gives {@code itemLight} the facts of {@code LightFacts}). Before a
 * deploy, an input of that decision naming any other variable is refused: it would find nothing.
 */
public interface DecisionInputs {

  /** The decision's key: the {@code id} of its {@code <decision>} in the DMN file. */
  String decisionKey();

  /** The names of the variables Duban supplies. */
  Set<String> variables();
}
