package org.duban.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The monitoring credential: {@code Authorization: Bearer <duban.metrics.token>}, for Prometheus
 * and whoever watches health, without an admin's password. It is no person: it never passes the
 * log-in's password check, so a wrong token counts towards no lock-out and cannot lock an admin
 * out; and it carries only {@link #AUTHORITY}, which {@link ActuatorSecurity} lets read the
 * metrics, Prometheus's scrape and health's details, and nothing else. Without a configured token
 * (the default) every bearer token is refused.
 */
class MetricsToken extends OncePerRequestFilter {

  /** The one authority of the metrics credential (also in management.endpoint.health.roles). */
  static final String AUTHORITY = "duban_metrics";

  /** A token anyone could guess in a few tries would be a password without the lock-out. */
  static final int MIN_LENGTH = 32;

  private static final String BEARER = "bearer ";

  private final byte[] tokenDigest;

  /**
   * @param token the configured token; blank or null turns token access off
   */
  MetricsToken(String token) {
    if (token != null && !token.isBlank() && token.strip().length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "duban.metrics.token (DUBAN_METRICS_TOKEN) must be at least "
              + MIN_LENGTH
              + " characters, e.g. from `openssl rand -hex 32`");
    }
    this.tokenDigest = token == null || token.isBlank() ? null : digest(token.strip());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    String given = header.substring(BEARER.length()).strip();
    // compared as digests of equal length, so the time taken says nothing about the token
    if (tokenDigest == null || !MessageDigest.isEqual(tokenDigest, digest(given))) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"duban\", error=\"invalid_token\"");
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getWriter().write("{\"status\":401,\"error\":\"invalid token\"}");
      return;
    }
    SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            "metrics", null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
    // for this request only: never saved into a session
    SecurityContextHolder.getContextHolderStrategy().setContext(context);
    chain.doFilter(request, response);
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
