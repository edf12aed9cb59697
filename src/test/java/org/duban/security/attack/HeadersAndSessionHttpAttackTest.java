package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.duban.HttpBrowser;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, as a browser meets them: the headers that keep a signed-in page out of frames,
 * caches and foreign referrers, the session cookie's flags, and the session id that changes at
 * log-in and dies at log-out.
 */
@RunningAppTest
class HeadersAndSessionHttpAttackTest {

  @LocalServerPort int port;
  @Autowired TestHospital hospital;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  private HttpResponse<String> signedInPage() throws Exception {
    HttpResponse<String> page = HttpBrowser.onPort(port).logIn("tmedhead").get("/tasks");
    assertThat(page.statusCode()).isEqualTo(200);
    return page;
  }

  @Test
  @Attack(AttackCategory.HEADERS)
  void pagesForbidScriptsFromElsewhereAndInlineScript() throws Exception {
    String policy = signedInPage().headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(policy)
        .contains("default-src 'self'")
        .contains("object-src 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
  }

  @Test
  @Attack(AttackCategory.HEADERS)
  void pagesAreNotSniffedIntoAnotherType() throws Exception {
    assertThat(signedInPage().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  @Attack(AttackCategory.HEADERS)
  void pagesCannotBeFramedByAnotherSite() throws Exception {
    HttpResponse<String> page = signedInPage();
    String frameOptions = page.headers().firstValue("X-Frame-Options").orElse("");
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(frameOptions).isIn("DENY", "SAMEORIGIN");
    assertThat(policy).containsPattern("frame-ancestors '(self|none)'");
  }

  @Test
  @Attack(AttackCategory.HEADERS)
  void addressesOfPagesAreNotSentToOtherSites() throws Exception {
    assertThat(signedInPage().headers().firstValue("Referrer-Policy"))
        .hasValueSatisfying(
            v ->
                assertThat(v)
                    .isIn(
                        "no-referrer",
                        "same-origin",
                        "strict-origin",
                        "strict-origin-when-cross-origin"));
  }

  @Test
  @Attack(AttackCategory.HEADERS)
  void signedInPagesAreNotKeptInCaches() throws Exception {
    HttpResponse<String> page = signedInPage();
    assertThat(page.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }

  @Test
  @Attack(AttackCategory.HEADERS)
  void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
    HttpResponse<String> login = HttpBrowser.onPort(port).get("/login");
    List<String> cookies = login.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
    String session =
        cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session)
        .containsIgnoringCase("HttpOnly")
        .containsPattern("(?i)SameSite=(Lax|Strict)");
  }

  @Test
  @Attack(AttackCategory.SESSION)
  void theSessionIdChangesAtLogInAndTheOldOneIsNotSignedIn() throws Exception {
    // Given a session an attacker obtained before the victim logs in on it
    HttpBrowser victim = HttpBrowser.onPort(port);
    victim.get("/login");
    String planted = victim.cookie("JSESSIONID").orElseThrow().getValue();

    // When the victim logs in
    victim.logIn("tmedhead");

    // Then the victim's session has another id, and the planted one opens no signed-in page
    String after = victim.cookie("JSESSIONID").orElseThrow().getValue();
    assertThat(after).isNotEqualTo(planted);
    HttpBrowser attacker = HttpBrowser.onPort(port);
    attacker.useSession(planted);
    HttpResponse<String> tasks = attacker.get("/tasks");
    assertThat(tasks.statusCode()).isEqualTo(302);
    assertThat(tasks.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  @Attack(AttackCategory.SESSION)
  void logOutEndsTheSessionForWhoeverHoldsItsId() throws Exception {
    // Given a signed-in session whose id an attacker copied
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tmedhead");
    String id = browser.cookie("JSESSIONID").orElseThrow().getValue();
    HttpBrowser copy = HttpBrowser.onPort(port);
    copy.useSession(id);
    assertThat(copy.get("/tasks").statusCode()).isEqualTo(200);

    // When the person logs out
    HttpResponse<String> out = browser.postForm("/logout", "/tasks", "");
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));

    // Then the copied id is no longer signed in
    HttpResponse<String> tasks = copy.get("/tasks");
    assertThat(tasks.statusCode()).isEqualTo(302);
    assertThat(tasks.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  @Attack(AttackCategory.SESSION)
  void aLinkToLogOutDoesNotLogOut() throws Exception {
    // a GET (an <img src="/logout"> on another site) is not a log-out: the session stays
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tmedhead");
    browser.get("/logout");
    assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);
  }

  @Test
  @Attack(AttackCategory.SESSION)
  void aSessionIdMadeUpByAnAttackerIsNotTaken() throws Exception {
    // a session id the server never issued is not adopted at log-in
    HttpBrowser browser = HttpBrowser.onPort(port);
    browser.useSession("ATTACKERCHOSENSESSIONID0000000000");
    browser.logIn("tmedhead");
    assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);
    HttpBrowser attacker = HttpBrowser.onPort(port);
    attacker.useSession("ATTACKERCHOSENSESSIONID0000000000");
    assertThat(attacker.get("/tasks").statusCode()).isEqualTo(302);
  }
}
