package org.duban.calendar;

import org.duban.calendar.engine.WorkingDayCalendars;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code workCalendar} bean and the engine plugin that makes timers and due dates use it. */
@Configuration
class CalendarConfiguration {

  @Bean
  WorkCalendar workCalendar(CachedWorkingDays days) {
    return new WorkCalendar(days::current);
  }

  /**
   * Picked up by the Camunda starter as a process engine plugin. The table is looked up lazily: the
   * engine is configured before the JPA repositories need to be ready.
   */
  @Bean
  WorkingDayCalendars workingDayCalendars(ObjectProvider<CachedWorkingDays> days) {
    return new WorkingDayCalendars(() -> days.getObject().current());
  }
}
