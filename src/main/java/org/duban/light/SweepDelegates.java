package org.duban.light;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.book.Light;
import org.duban.ladder.EscalationLadder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the weekly supervision process; each one line into the service. */
@Configuration
class SweepDelegates {

  @Bean
  JavaDelegate startSweepDelegate(WeeklySupervisionService service) {
    return execution ->
        execution.setVariable(
            "sweepId",
            service.startSweep(
                (String) execution.getVariable(WeeklySupervisionService.STARTED_BY)));
  }

  @Bean
  JavaDelegate gatherLightFactsDelegate(LightFactsCalculator calculator) {
    // Transient: the facts live only in the item's job, where the decision and recordLight read
    // them; light_assessment keeps them, so the engine need not store eight variables per item.
    return execution ->
        calculator
            .factsOf(workItemId(execution))
            .asVariables()
            .forEach(
                (name, value) ->
                    execution.setVariableLocal(
                        name, Variables.integerValue((Integer) value, true)));
  }

  @Bean
  JavaDelegate recordLightDelegate(WeeklySupervisionService service) {
    // the decision's outputs arrive as the local variables light, lightRule and lightReason
    return execution ->
        service.recordLight(
            sweepId(execution),
            workItemId(execution),
            light(execution),
            (String) execution.getVariable("lightRule"),
            (String) execution.getVariable("lightReason"),
            LightFacts.fromVariables(execution.getVariables()));
  }

  @Bean
  JavaDelegate startEscalationDelegate(WeeklySupervisionService service, EscalationLadder ladder) {
    return execution -> {
      Long workItemId = workItemId(execution);
      Light light = light(execution);
      service.stepOnLadder(
          sweepId(execution), workItemId, light, () -> ladder.onWeeklyLight(workItemId, light));
    };
  }

  @Bean
  JavaDelegate finishSweepDelegate(WeeklySupervisionService service) {
    return execution -> service.finishSweep(sweepId(execution));
  }

  private static Light light(DelegateExecution execution) {
    return Light.valueOf((String) execution.getVariable("light"));
  }

  private static Long workItemId(DelegateExecution execution) {
    return ((Number) execution.getVariable("workItemId")).longValue();
  }

  private static Long sweepId(DelegateExecution execution) {
    Object value = execution.getVariable("sweepId");
    return value == null ? null : ((Number) value).longValue();
  }
}
