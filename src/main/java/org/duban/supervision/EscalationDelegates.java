package org.duban.supervision;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EscalationDelegates {

  @Bean
  JavaDelegate closeEscalationDelegate(EscalationService service) {
    return execution -> service.close(((Number) execution.getVariable("escalationId")).longValue());
  }
}
