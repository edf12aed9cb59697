package org.duban.operations;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class DatabaseUnavailableConfig {

  /**
   * Outside everything that may read the database: the session repository's filter (order
   * Integer.MIN_VALUE + 50), Spring Security, the webapps' and the engine REST API's filters.
   */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
      MessageSource messages) {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter(messages));
    registration.setName("Duban database unavailable page");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC, DispatcherType.FORWARD);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** Also in front of the session repository's filter, see {@link LivenessProbeFilter}. */
  @Bean
  FilterRegistrationBean<LivenessProbeFilter> livenessProbeFilter() {
    FilterRegistrationBean<LivenessProbeFilter> registration =
        new FilterRegistrationBean<>(new LivenessProbeFilter());
    registration.setName("Duban liveness probe without session");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.addUrlPatterns(LivenessProbeFilter.PATH);
    return registration;
  }
}
