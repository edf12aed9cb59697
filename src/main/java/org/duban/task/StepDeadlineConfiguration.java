package org.duban.task;

import org.duban.calendar.WorkCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code stepDeadlines} bean the models use for the deadlines of their waiting human steps. */
@Configuration
class StepDeadlineConfiguration {

  @Bean
  StepDeadlines stepDeadlines(WorkCalendar workCalendar, StepDeadlineSettings settings) {
    return new StepDeadlines(workCalendar, settings);
  }
}
