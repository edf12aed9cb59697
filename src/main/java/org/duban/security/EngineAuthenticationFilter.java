package org.duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who acts in this request, so its history and user operation log name the person,
 * and its authorizations apply to the person's groups; cleared afterwards because threads are
 * reused.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final List<String> extraGroups;

  /**
   * @param extraGroups added to the person's groups in the engine: {@link
   *     EngineAuthorizations#DUBAN_APP_GROUP} for Duban's pages, which check rights themselves;
   *     none for the engine's REST API, where the engine's authorizations decide
   */
  EngineAuthenticationFilter(IdentityService identityService, List<String> extraGroups) {
    this.identityService = identityService;
    this.extraGroups = List.copyOf(extraGroups);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser)) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups =
        Stream.concat(
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority),
                extraGroups.stream())
            .distinct()
            .toList();
    identityService.setAuthentication(authentication.getName(), groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
