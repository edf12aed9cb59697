package org.duban.operations;

import org.duban.org.Role;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read the Actuator endpoints, on the application's port or on a separate management port
 * ({@code MANAGEMENT_SERVER_PORT}), see docs/deployment.md. Health and its liveness and readiness
 * groups are open, because load balancers and orchestrators ask without credentials; they show only
 * the status to anyone but an admin (management.endpoint.health.show-details in application.yml).
 * Everything else, Prometheus's scrape included, is for admins: logged in on the pages, or HTTP Basic
 * for a scraper, which creates no session.
 */
@Configuration
class ActuatorSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                    .permitAll()
                    .anyRequest()
                    .hasAuthority(Role.ADMIN.groupId()))
        .httpBasic(Customizer.withDefaults());
    return http.build();
  }
}
