package org.duban.orgadmin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a logged-in session in step with what the admin changed (issue 5, people): a person
 * deactivated meanwhile loses the session at the next request, and one whose roles or department
 * changed gets the new rights at the next request rather than at the next log-in. Runs just before
 * Spring Security's filters, on the security context kept in the session, so that every path
 * (pages, Camunda's webapps) decides on the current rights. Three small queries per request with a
 * session.
 */
@Configuration
class SessionStanding {

  private static final Logger log = LoggerFactory.getLogger(SessionStanding.class);

  @Bean
  FilterRegistrationBean<Filter> sessionStandingFilter(
      PersonRepository people, UserDetailsService users) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new Filter(people, users));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    registration.addUrlPatterns("/*");
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private final PersonRepository people;
    private final UserDetailsService users;

    Filter(PersonRepository people, UserDetailsService users) {
      this.people = people;
      this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return path.startsWith("/css/")
          || path.startsWith("/js/")
          || path.startsWith("/vendor/")
          || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession session = request.getSession(false);
      Object kept =
          session == null
              ? null
              : session.getAttribute(
                  HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
      if (kept instanceof SecurityContext context
          && context.getAuthentication() != null
          && context.getAuthentication().getPrincipal() instanceof CurrentUser user) {
        refresh(session, context, user);
      }
      chain.doFilter(request, response);
    }

    private void refresh(HttpSession session, SecurityContext context, CurrentUser user) {
      String username = user.getUsername();
      if (!people.isActive(username).orElse(false)) {
        log.info("Session of {} ended: the person is deactivated", username);
        session.invalidate();
        return;
      }
      var roles = people.rolesOf(username);
      Set<String> groups =
          Person.groupIds(
              roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles),
              people.departmentCodeOf(username).orElse(null));
      if (groups.equals(user.groupIds())) {
        return;
      }
      CurrentUser fresh = (CurrentUser) users.loadUserByUsername(username);
      UsernamePasswordAuthenticationToken authentication =
          UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
      authentication.setDetails(context.getAuthentication().getDetails());
      SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
      refreshed.setAuthentication(authentication);
      session.setAttribute(
          HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, refreshed);
      log.info("Session of {} now has the groups {}", username, fresh.groupIds());
    }
  }
}
