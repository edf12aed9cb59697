package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.TestHospital;

/** A browser over real HTTP: its own cookies, no redirects followed, the log-in page's CSRF token. */
final class Browser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  Browser(int port) {
    this.port = port;
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  static String csrfOf(String page) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("CSRF field on the page").isTrue();
    return csrf.group(1);
  }

  /** Posts a form with the CSRF token of the page at {@code tokenFrom}. */
  HttpResponse<String> postForm(String path, String tokenFrom, String form) throws IOException, InterruptedException {
    String token = csrfOf(get(tokenFrom).body());
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
  }

  /** Posts the log-in form and returns where it leads. */
  String tryLogIn(String username, String password) throws IOException, InterruptedException {
    HttpResponse<String> login = postForm("/login", "/login", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    assertThat(login.statusCode()).isEqualTo(302);
    return login.headers().firstValue("Location").orElseThrow();
  }

  Browser logIn(String username) throws IOException, InterruptedException {
    assertThat(tryLogIn(username, TestHospital.PASSWORD)).doesNotContain("/login?");
    return this;
  }

  Optional<HttpCookie> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
  }

  /** Replaces the browser's session cookie, as a fixation or a stolen cookie would. */
  void useSession(String id) {
    cookies.getCookieStore().removeAll();
    HttpCookie cookie = new HttpCookie("JSESSIONID", id);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create("http://localhost:" + port + "/"), cookie);
  }

  static HttpRequest.Builder basic(HttpRequest.Builder request, String username, String password) {
    String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return request.header("Authorization", "Basic " + token).header("Accept", "application/json");
  }
}
