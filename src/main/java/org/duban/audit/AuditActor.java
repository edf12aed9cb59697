package org.duban.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who acts, and from where: the signed-in person of the current request, or the system. */
record AuditActor(String username, String fullName, String address) {

  static final String SYSTEM = "system";

  static AuditActor current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String address = clientAddress();
    if (authentication == null
        || !authentication.isAuthenticated()
        || "anonymousUser".equals(authentication.getPrincipal())) {
      return new AuditActor(SYSTEM, null, address);
    }
    String fullName =
        authentication.getPrincipal() instanceof NamedActor user ? user.fullName() : null;
    return new AuditActor(authentication.getName(), fullName, address);
  }

  /**
   * The request's remote address. Behind a load balancer this is the balancer's unless {@code
   * server.forward-headers-strategy} is set, which makes the servlet container take the client from
   * X-Forwarded-For only when the operator trusts the proxy (see the deployment guide).
   */
  private static String clientAddress() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
