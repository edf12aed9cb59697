package org.duban.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database cannot be reached, every request gets a 503 with {@code Retry-After} that says
 * so, in Chinese or (by the {@code duban-lang} cookie or Accept-Language) English: a page for
 * browsers, JSON for REST callers. It stands in front of every other filter, the session's (which
 * reads the database when sessions live there) and Spring Security's included, and renders from the
 * message bundle alone, without a template, a session or the database.
 *
 * <p>Nothing needs to reset once the database is back: Hikari makes new connections, so the next
 * request simply goes through. The outage is logged once when it is first seen and once when a
 * request succeeds again, not with a stack trace for every request.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  static final int RETRY_AFTER_SECONDS = 15;

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final MessageSource messages;

  /** When this outage was first seen (epoch millis), 0 when the database answers. */
  private final AtomicLong outageSince = new AtomicLong();

  private final AtomicLong refused = new AtomicLong();

  public DatabaseUnavailableFilter(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    // the error page may fail on the database too (its layout, the session)
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!DatabaseFailures.isUnavailable(e) || response.isCommitted()) {
        throw e;
      }
      noteOutage(request, e);
      answer(request, response);
      return;
    }
    long since = outageSince.get();
    if (since != 0 && response.getStatus() < 500 && outageSince.compareAndSet(since, 0)) {
      log.warn(
          "The database answers again after {} s; {} requests were answered 503 meanwhile",
          (System.currentTimeMillis() - since) / 1000,
          refused.getAndSet(0));
    }
  }

  private void noteOutage(HttpServletRequest request, Throwable e) {
    refused.incrementAndGet();
    log.debug("503 for {} {}", request.getMethod(), request.getRequestURI(), e);
    if (outageSince.compareAndSet(0, System.currentTimeMillis())) {
      log.error(
          "The database cannot be reached ({} {}): {}; requests are answered 503 until it is back",
          request.getMethod(),
          request.getRequestURI(),
          rootMessage(e));
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Locale locale = locale(request);
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (wantsJson(request)) {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"status\":503,\"error\":\"DATABASE_UNAVAILABLE\",\"message\":\""
                  + json(text("resilience.db.json", locale))
                  + "\",\"retryAfterSeconds\":"
                  + RETRY_AFTER_SECONDS
                  + "}");
      return;
    }
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.getWriter().write(page(request, locale));
  }

  private String page(HttpServletRequest request, Locale locale) {
    boolean get = "GET".equals(request.getMethod());
    String again =
        get
            ? text("resilience.db.auto", locale, RETRY_AFTER_SECONDS)
            : text("resilience.db.resubmit", locale);
    String retryHref =
        get
            ? html(
                request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()))
            : "javascript:history.back()";
    return "<!DOCTYPE html>\n<html lang=\""
        + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
        + "\"><head><meta charset=\"utf-8\">"
        + (get ? "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">" : "")
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + html(text("resilience.db.title", locale))
        + "</title>"
        + "<style>body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",sans-serif;"
        + "background:#f5f6f8;color:#222;margin:0}main{max-width:36em;margin:10vh auto;background:#fff;"
        + "border-top:4px solid #c0392b;padding:2em 2.5em;box-shadow:0 1px 4px rgba(0,0,0,.1)}"
        + "h1{font-size:1.4em;margin-top:0}a{color:#1f5fa8}</style></head><body><main>"
        + "<h1>"
        + html(text("resilience.db.title", locale))
        + "</h1>"
        + "<p>"
        + html(text("resilience.db.text", locale))
        + "</p>"
        + "<p>"
        + html(again)
        + "</p>"
        + "<p><a href=\""
        + retryHref
        + "\">"
        + html(text(get ? "resilience.db.retry" : "resilience.db.back", locale))
        + "</a></p>"
        + "</main></body></html>\n";
  }

  /** The person's chosen language (the app's cookie), else the browser's, else Chinese. */
  static Locale locale(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if ("duban-lang".equals(cookie.getName()) && cookie.getValue() != null) {
          return cookie.getValue().toLowerCase(Locale.ROOT).startsWith("en")
              ? Locale.ENGLISH
              : Locale.SIMPLIFIED_CHINESE;
        }
      }
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    if (accept != null && !accept.isBlank()) {
      try {
        String best = Locale.lookupTag(Locale.LanguageRange.parse(accept), List.of("zh", "en"));
        if ("en".equals(best)) {
          return Locale.ENGLISH;
        }
      } catch (IllegalArgumentException e) {
        // a malformed header: Chinese
      }
    }
    return Locale.SIMPLIFIED_CHINESE;
  }

  /**
   * REST callers: the engine's API, Actuator, the webapps' APIs, or a client that prefers JSON to
   * HTML.
   */
  static boolean wantsJson(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/engine-rest/")
        || path.startsWith("/actuator")
        || path.startsWith("/camunda/api/")) {
      return true;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      List<MediaType> types = MediaType.parseMediaTypes(accept);
      MediaType.sortByQualityValue(types);
      for (MediaType type : types) {
        if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
          return false;
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
          return true;
        }
      }
    } catch (InvalidMediaTypeException e) {
      // a malformed header: a page
    }
    return false;
  }

  private String text(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, locale);
  }

  private static String html(String text) {
    return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
