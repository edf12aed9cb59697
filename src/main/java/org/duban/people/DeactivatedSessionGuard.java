package org.duban.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.duban.org.PersonRepository;
import org.duban.security.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A person deactivated while logged in loses their session at their next request: they are sent to
 * the log-in page, where they cannot log in any more. One small query per page request.
 */
@Configuration
class DeactivatedSessionGuard implements HandlerInterceptor, WebMvcConfigurer {

  private final PersonRepository people;

  DeactivatedSessionGuard(PersonRepository people) {
    this.people = people;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
      return true;
    }
    if (people.isActive(user.getUsername()).orElse(false)) {
      return true;
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    response.sendRedirect(request.getContextPath() + "/login?error");
    return false;
  }
}
