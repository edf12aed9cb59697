package org.duban.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.workitem.Light;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the weekly supervision process; each one line into the service. */
@Configuration
class SweepDelegates {

  @Bean
  JavaDelegate startSweepDelegate(WeeklySupervisionService service) {
    return execution -> execution.setVariable("sweepId", service.startSweep());
  }

  @Bean
  JavaDelegate gatherLightFactsDelegate(LightFactsCalculator calculator) {
    return execution ->
        calculator.factsOf(workItemId(execution)).asVariables().forEach(execution::setVariableLocal);
  }

  @Bean
  JavaDelegate recordLightDelegate(WeeklySupervisionService service) {
    // the decision's outputs arrive as the local variables light and lightReason
    return execution ->
        service.recordLight(
            sweepId(execution),
            workItemId(execution),
            Light.valueOf((String) execution.getVariable("light")),
            (String) execution.getVariable("lightReason"),
            LightFacts.fromVariables(execution.getVariables()));
  }

  @Bean
  JavaDelegate startEscalationDelegate(WeeklySupervisionService service, EscalationLadder ladder) {
    return execution -> {
      Long sweepId = sweepId(execution);
      if (ladder.onWeeklyLight(workItemId(execution), Light.valueOf((String) execution.getVariable("light")))) {
        service.countEscalated(sweepId);
      }
    };
  }

  @Bean
  JavaDelegate finishSweepDelegate(WeeklySupervisionService service) {
    return execution -> service.finishSweep(sweepId(execution));
  }

  private static Long workItemId(DelegateExecution execution) {
    return ((Number) execution.getVariable("workItemId")).longValue();
  }

  private static Long sweepId(DelegateExecution execution) {
    Object value = execution.getVariable("sweepId");
    return value == null ? null : ((Number) value).longValue();
  }
}
