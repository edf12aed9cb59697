package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session over real HTTP against one node: keeps cookies, never follows redirects (the
 * test sees each 302), logs in on /login with the page's CSRF token and posts forms with a token
 * taken from a page of the same session, as a browser does. {@link #at(String)} is the same browser
 * (same cookies) talking to another node, as behind a load balancer.
 */
public final class WebClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final CookieManager cookies;
  private final HttpClient http;
  private final String baseUrl;

  public WebClient(String baseUrl) {
    this(baseUrl, new CookieManager());
  }

  private WebClient(String baseUrl, CookieManager cookies) {
    this.baseUrl = baseUrl;
    this.cookies = cookies;
    this.http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(cookies)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** The same cookies against another node. */
  public WebClient at(String otherBaseUrl) {
    return new WebClient(otherBaseUrl, cookies);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Logs in with the demo password and asserts the log-in was accepted (302 away from /login). */
  public WebClient logIn(String username) {
    return logIn(username, "duban123");
  }

  public WebClient logIn(String username, String password) {
    HttpResponse<String> answer = post("/login", "/login", Map.of("username", username, "password", password));
    assertThat(answer.statusCode()).as("log-in of %s", username).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElse("")).as("log-in of %s", username).doesNotContain("error");
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /**
   * Opens {@code formPage} for its CSRF token and posts {@code fields} to {@code action}, as a person
   * submitting the form on that page.
   */
  public HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
    HttpResponse<String> page = get(formPage);
    assertThat(page.statusCode()).as("form page %s", formPage).isEqualTo(200);
    return postWithToken(action, csrf(page.body()), fields);
  }

  public HttpResponse<String> postWithToken(String action, String csrfToken, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrfToken);
    String form = all.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(action))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** The first CSRF token in a page. */
  public static String csrf(String page) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("CSRF field in the page").isTrue();
    return csrf.group(1);
  }

  /** The value of a cookie this browser holds for the nodes' host, e.g. the session cookie. */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().get(URI.create(baseUrl)).stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
