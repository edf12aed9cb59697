package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser over real HTTP for tests against a running app (in this JVM on a random port, or a
 * separate process): its own cookies and so its own session, the log-in form with its CSRF token,
 * and forms posted with the token of the page they came from. Redirects are not followed, so tests
 * see them.
 */
public class HttpBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;

  public HttpBrowser(String base) {
    this.base = base;
    this.client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public static HttpBrowser onPort(int port) {
    return new HttpBrowser("http://localhost:" + port);
  }

  /** Logs in on the log-in page; fails the test unless it is accepted. */
  public HttpBrowser logIn(String username, String password) throws IOException, InterruptedException {
    HttpResponse<String> login = postForm("/login", Map.of("username", username, "password", password), csrfOf(get("/login").body()));
    assertThat(login.headers().firstValue("Location")).as("log-in of " + username)
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
    return this;
  }

  public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).GET());
  }

  /** Posts the fields as a browser posts a form, with the CSRF token given. */
  public HttpResponse<String> postForm(String path, Map<String, String> fields, String csrfToken)
      throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrfToken);
    String body = all.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  public static HttpRequest.Builder basic(HttpRequest.Builder request, String username, String password) {
    return request.header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** The CSRF token of the first form on the page. */
  public static String csrfOf(String page) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("CSRF field on the page").isTrue();
    return csrf.group(1);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
