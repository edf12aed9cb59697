package org.duban.deployment;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.springframework.stereotype.Component;

/**
 * Compiles an expression ({@code ${...}}) of a BPMN file with the process engine's own expression
 * manager, as the engine does when it parses the model or first runs the element: a syntax error
 * found here is an error the process would hit at run time. Compiling parses only; nothing is
 * evaluated, no bean is called.
 *
 * <p>The deployment feature's only class that reaches into the engine's {@code .impl} packages: the
 * public API offers no way to parse an expression.
 */
@Component
class EngineExpressions {

  private final ProcessEngine processEngine;

  EngineExpressions(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  /** Why the expression does not compile, or empty when it does. */
  Optional<String> problemWith(String expression) {
    ExpressionManager manager =
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getExpressionManager();
    try {
      manager.createExpression(expression.trim());
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(ModelMessages.rootMessage(e)));
    }
  }
}
