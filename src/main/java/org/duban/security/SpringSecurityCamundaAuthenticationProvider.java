package org.duban.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.duban.org.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on for Cockpit, Tasklist and Admin: Camunda's {@code
 * ContainerBasedAuthenticationFilter} asks this provider who is logged in, and the answer is the
 * person Spring Security authenticated on Duban's log-in page, with their real groups (no {@code
 * duban-app}: the webapps act with the person's own rights). Spring Security lets only admins reach
 * {@code /camunda}; this provider refuses anyone else as well, in case a chain is ever
 * misconfigured.
 *
 * <p>Instantiated by the filter from its {@code authentication-provider} init parameter, hence
 * public with a public no-argument constructor.
 */
public class SpringSecurityCamundaAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || !(authentication.getPrincipal() instanceof CurrentUser user)
        || !user.has(Role.ADMIN)) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(user.getUsername());
    result.setGroups(List.copyOf(user.groupIds()));
    result.setTenants(List.of());
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    // Spring Security sends people to Duban's log-in page before they get here; no challenge of our
    // own.
  }
}
