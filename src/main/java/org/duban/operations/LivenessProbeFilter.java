package org.duban.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The liveness probe answers whether this process should be restarted, so it must not depend on the
 * database. Sessions live in the database, and many layers look up the session of any request that
 * names one (Spring Security's anonymous details, the request-handled event, ...): a prober that
 * kept a session cookie would get the outage page and restart a healthy node. So the probe is
 * passed on without its cookies, in front of the session filter.
 */
class LivenessProbeFilter extends OncePerRequestFilter {

  static final String PATH = "/actuator/health/liveness";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().substring(request.getContextPath().length()).equals(PATH);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new WithoutCookies(request), response);
  }

  private static final class WithoutCookies extends HttpServletRequestWrapper {

    WithoutCookies(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Cookie[] getCookies() {
      return null;
    }

    @Override
    public String getHeader(String name) {
      return "cookie".equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "cookie".equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public String getRequestedSessionId() {
      return null;
    }

    @Override
    public boolean isRequestedSessionIdValid() {
      return false;
    }
  }
}
