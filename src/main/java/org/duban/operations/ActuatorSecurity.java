package org.duban.operations;

import jakarta.servlet.http.HttpServletResponse;
import org.duban.org.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may read the Actuator endpoints, on the application's port or on a separate management port
 * ({@code MANAGEMENT_SERVER_PORT}), see docs/deployment.md. Health and its liveness and readiness
 * groups are open, because load balancers and orchestrators ask without credentials; they show only
 * the status to anyone but an admin or the metrics token (management.endpoint.health.show-details
 * in application.yml). The metrics and Prometheus's scrape are for admins (logged in on the pages,
 * or HTTP Basic, which creates no session) and for the metrics token ({@link MetricsToken}, no
 * person, no lock-out); everything else for admins only. A refusal never challenges for Basic, so a
 * browser shows no password dialog and keeps no credentials for the site.
 */
@Configuration
class ActuatorSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain actuator(
      HttpSecurity http, @Value("${duban.metrics.token:}") String metricsToken) throws Exception {
    String admin = Role.ADMIN.groupId();
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                    .permitAll()
                    .requestMatchers(EndpointRequest.to("prometheus", "metrics"))
                    .hasAnyAuthority(admin, MetricsToken.AUTHORITY)
                    .anyRequest()
                    .hasAuthority(admin))
        .httpBasic(basic -> basic.authenticationEntryPoint(askForCredentials()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(askForCredentials()))
        .addFilterBefore(new MetricsToken(metricsToken), BasicAuthenticationFilter.class);
    return http.build();
  }

  /** 401 with a bearer challenge, which browsers do not answer with a password dialog. */
  private static AuthenticationEntryPoint askForCredentials() {
    return (request, response, exception) -> {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"duban\"");
    };
  }
}
