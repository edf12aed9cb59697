package org.duban.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Keeps the engine's REST API out of a foreign page's reach. A browser that once answered an HTTP
 * Basic challenge keeps the credentials and sends them with every later request to the site, a
 * foreign page's form posts included. So the API never challenges: a call without (or with wrong)
 * credentials gets a plain 401 in JSON, no {@code WWW-Authenticate: Basic}, and a browser shows no
 * password dialog and caches nothing. And every write call must carry {@link #SCRIPT_HEADER}: an
 * HTML form cannot set a header, and a foreign page's script that sets one needs a CORS preflight
 * that Duban never grants. Scripts send Basic credentials and the header (docs/deployment.md).
 */
public final class RestApiGuard {

  /**
   * The header every write call (POST, PUT, PATCH, DELETE) to /engine-rest carries; any value, e.g.
   * {@code duban}.
   */
  public static final String SCRIPT_HEADER = "X-Requested-By";

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private RestApiGuard() {}

  /** 401 without a challenge a browser would act on. */
  public static AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) ->
        json(
            response,
            HttpServletResponse.SC_UNAUTHORIZED,
            "AuthenticationRequired",
            "HTTP Basic credentials are required (see docs/deployment.md)");
  }

  /** A write call without {@link #SCRIPT_HEADER}, which a cross-site form or script cannot send. */
  public static RequestMatcher writeWithoutScriptHeader() {
    return request -> !READS.contains(request.getMethod()) && !hasScriptHeader(request);
  }

  /** 403 in JSON, saying so when the script header is what was missing. */
  public static AccessDeniedHandler forbidden() {
    return (request, response, exception) -> {
      if (writeWithoutScriptHeader().matches(request)) {
        json(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "Forbidden",
            "write calls must send the header " + SCRIPT_HEADER + " (see docs/deployment.md)");
      } else {
        json(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "not allowed for this user");
      }
    };
  }

  private static boolean hasScriptHeader(HttpServletRequest request) {
    String value = request.getHeader(SCRIPT_HEADER);
    return value != null && !value.isBlank();
  }

  private static void json(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // the engine's own error shape, so scripts read one kind of error
    response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }
}
