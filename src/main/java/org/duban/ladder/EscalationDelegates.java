package org.duban.ladder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the escalation process; each one line into the ladder or the service. */
@Configuration
class EscalationDelegates {

  /**
   * Which deadline the last climb was for ({@code plan} or {@code evidence}), and when it counted
   * as missed.
   */
  static final String MISSED_STEP = "missedStep";

  static final String MISSED_DUE = "missedDue";

  @Bean
  JavaDelegate sendBlueReminderDelegate(EscalationLadder ladder) {
    return execution -> ladder.sendBlueReminder(escalationId(execution));
  }

  @Bean
  JavaDelegate resolveEscalationDelegate(EscalationLadder ladder) {
    return execution -> ladder.resolve(escalationId(execution));
  }

  /**
   * Climbs one rung. The model says which deadline was missed in the local {@code resumeAt} ({@code
   * plan} or {@code evidence}); the new deadline replaces that one.
   */
  @Bean
  JavaDelegate climbLadderDelegate(EscalationLadder ladder) {
    return execution -> {
      String resumeAt = (String) execution.getVariableLocal("resumeAt");
      // the leader's follow-up names the deadline that was actually missed, before it is replaced
      execution.setVariable(MISSED_STEP, resumeAt);
      execution.setVariable(
          MISSED_DUE, execution.getVariable(EscalationTasks.dueVariable(resumeAt)));
      EscalationLadder.Climb climb = ladder.climb(escalationId(execution), resumeAt);
      execution.setVariable("ladderLevel", climb.level().name());
      if (climb.dueAt() != null) {
        execution.setVariable(EscalationTasks.dueVariable(resumeAt), climb.dueAt());
      }
    };
  }

  @Bean
  JavaDelegate closeEscalationDelegate(EscalationService service) {
    return execution -> service.close(escalationId(execution));
  }

  /** The event subprocess {@code itemClosed}: the item closed, the escalation ends with it. */
  @Bean
  JavaDelegate endEscalationWithItemDelegate(EscalationService service) {
    return execution ->
        service.endWithItem(
            escalationId(execution), (String) execution.getVariable("itemClosedBecause"));
  }

  private static Long escalationId(DelegateExecution execution) {
    return ((Number) execution.getVariable("escalationId")).longValue();
  }
}
