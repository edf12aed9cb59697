package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one browser over real HTTP for tests against a running app (in this JVM on a random port, or
 * a separate process such as the fault tests' node): its own cookies and so its own session, the
 * log-in form with its CSRF token, forms and file uploads posted with the token of a page of the
 * same session, as a browser does. Redirects are not followed, so tests see each 302. {@link
 * #at(String)} is the same browser (same cookies) talking to another node, as behind a load
 * balancer.
 */
public class HttpBrowser {

  /** The hidden CSRF field of a form, its attributes in either order. */
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final String base;
  private final CookieManager cookies;
  private final HttpClient client;

  public HttpBrowser(String base) {
    this(base, new CookieManager());
  }

  private HttpBrowser(String base, CookieManager cookies) {
    this.base = base;
    this.cookies = cookies;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static HttpBrowser onPort(int port) {
    return new HttpBrowser("http://localhost:" + port);
  }

  /** The same cookies against another node. */
  public HttpBrowser at(String otherBase) {
    return new HttpBrowser(otherBase, cookies);
  }

  public String baseUrl() {
    return base;
  }

  /** Logs in on the log-in page; fails the test unless it is accepted (a 302 away from /login). */
  public HttpBrowser logIn(String username, String password)
      throws IOException, InterruptedException {
    assertThat(tryLogIn(username, password)).as("log-in of " + username).doesNotContain("/login");
    return this;
  }

  /** Logs in as a person of the {@link TestHospital}, with its password. */
  public HttpBrowser logIn(String username) throws IOException, InterruptedException {
    return logIn(username, TestHospital.PASSWORD);
  }

  /**
   * Posts the log-in form with the log-in page's CSRF token; returns where it leads (a 302 is
   * required).
   */
  public String tryLogIn(String username, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> login =
        postForm("/login", Map.of("username", username, "password", password), csrfFrom("/login"));
    assertThat(login.statusCode()).as("log-in of " + username).isEqualTo(302);
    return login.headers().firstValue("Location").orElseThrow();
  }

  public HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return send(request(path, headers).GET());
  }

  /** The CSRF token of the first form on the page at the path. */
  public String csrfFrom(String path) throws IOException, InterruptedException {
    return csrfOf(get(path).body());
  }

  /** Posts the fields as a browser posts a form, with the CSRF token given. */
  public HttpResponse<String> postForm(
      String path, Map<String, String> fields, String csrfToken, String... headers)
      throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrfToken);
    String body =
        all.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return postEncoded(path, body, headers);
  }

  /**
   * Opens {@code formPage} for its CSRF token (it must answer 200) and posts {@code fields} to
   * {@code action}, as a person submitting the form on that page.
   */
  public HttpResponse<String> post(String formPage, String action, Map<String, String> fields)
      throws IOException, InterruptedException {
    HttpResponse<String> page = get(formPage);
    assertThat(page.statusCode()).as("form page %s", formPage).isEqualTo(200);
    return postForm(action, fields, csrfOf(page.body()));
  }

  /**
   * Posts an already encoded form body (odd or repeated fields, as an attacker writes them) with
   * the CSRF token of the page at {@code tokenFrom} appended.
   */
  public HttpResponse<String> postForm(String path, String tokenFrom, String encodedForm)
      throws IOException, InterruptedException {
    return postEncoded(path, encodedForm + "&_csrf=" + enc(csrfFrom(tokenFrom)));
  }

  private HttpResponse<String> postEncoded(String path, String body, String... headers)
      throws IOException, InterruptedException {
    return send(
        request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Posts a multipart form as a browser does: the text fields (put the CSRF token among them, or
   * send it as an {@code X-CSRF-TOKEN} header as the pages' scripts do), then one file.
   *
   * @param contentType the file part's content type, or {@code null} for none
   */
  public HttpResponse<String> postFile(
      String path,
      Map<String, String> fields,
      String fileField,
      String filename,
      String contentType,
      byte[] content,
      String... headers)
      throws IOException, InterruptedException {
    String boundary = "----duban" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (name, value) ->
            head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(filename)
        .append("\"\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("\r\n");
    body.write(head.toString().getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path, headers)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A request to the path on this browser's node, with header name/value pairs. */
  public HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  /** A cookie this browser holds, e.g. the session cookie. */
  public Optional<HttpCookie> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst();
  }

  /** Replaces the browser's session cookie, as a fixation or a stolen cookie would. */
  public void useSession(String id) {
    cookies.getCookieStore().removeAll();
    HttpCookie cookie = new HttpCookie("JSESSIONID", id);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(base + "/"), cookie);
  }

  public static HttpRequest.Builder basic(
      HttpRequest.Builder request, String username, String password) {
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** HTTP Basic, asking for JSON as a REST client does. */
  public static HttpRequest.Builder basicJson(
      HttpRequest.Builder request, String username, String password) {
    return basic(request, username, password).header("Accept", "application/json");
  }

  /** The CSRF token of the first form on the page. */
  public static String csrfOf(String page) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("CSRF field on the page").isTrue();
    return csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
