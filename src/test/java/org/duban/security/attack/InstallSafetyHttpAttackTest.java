package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.duban.HttpBrowser;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.security.RestApiGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 14 over real HTTP: a password change or an admin's reset ends the person's other sessions
 * (in the database, so on every node), and the engine's own password check knows no password (they
 * live only as Duban's BCrypt hashes). Each case: the old session is refused and changes nothing.
 */
@RunningAppTest
@Attack(AttackCategory.INSTALL)
class InstallSafetyHttpAttackTest {

  private static final String FIRST = "First2026pw";
  private static final String SECOND = "Second2026pw";

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired PersonRepository people;
  @Autowired PasswordEncoder encoder;
  @Autowired EngineIdentitySync sync;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void ensureHospital() {
    hospital.ensure();
  }

  /** A person of these cases alone, so that changing the password disturbs nobody else's tests. */
  private Person newPerson() {
    String username = "tsess" + Long.toString(System.nanoTime(), 36);
    Person person =
        people.save(
            new Person(
                username,
                "会话测试",
                null,
                encoder.encode(FIRST),
                hospital.department("tnursing"),
                EnumSet.of(Role.STAFF)));
    sync.syncPerson(person);
    return person;
  }

  private static String form(String... pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      form.append(i == 0 ? "" : "&")
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  /** The stolen or forgotten session is out: sent to log in, and its post changes nothing. */
  private void assertSessionEnded(HttpBrowser old, String tokenPage) throws Exception {
    DatabaseState before = DatabaseState.of(jdbc);
    HttpResponse<String> tasks = old.get("/tasks");
    assertThat(tasks.statusCode()).isEqualTo(302);
    assertThat(tasks.headers().firstValue("Location").orElseThrow()).contains("/login");
    // a post with the token its page held before is refused too
    HttpResponse<String> change =
        old.send(
            old.request("/me/password")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(
                            "oldPassword",
                            SECOND,
                            "newPassword",
                            "Thief2026pw",
                            "repeatPassword",
                            "Thief2026pw",
                            "_csrf",
                            tokenPage))));
    assertThat(change.statusCode()).isIn(302, 403);
    if (change.statusCode() == 302) {
      assertThat(change.headers().firstValue("Location").orElseThrow()).contains("/login");
    }
    before.assertUnchanged(jdbc);
  }

  @Test
  void changingOnesPasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
    Person person = newPerson();
    // Given the person logged in twice (say a shared computer left logged in, and now at home)
    HttpBrowser left = HttpBrowser.onPort(port).logIn(person.getUsername(), FIRST);
    String leftToken = HttpBrowser.csrfOf(left.get("/me/password").body());
    HttpBrowser home = HttpBrowser.onPort(port).logIn(person.getUsername(), FIRST);

    // When they change their password at home
    HttpResponse<String> changed =
        home.postForm(
            "/me/password",
            "/me/password",
            form("oldPassword", FIRST, "newPassword", SECOND, "repeatPassword", SECOND));
    assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/me/password");

    // Then the session left behind is out, and the one at home goes on
    assertSessionEnded(left, leftToken);
    assertThat(home.get("/tasks").statusCode()).isEqualTo(200);
  }

  @Test
  void anAdminsResetEndsEverySessionOfThePerson() throws Exception {
    Person person = newPerson();
    // Given someone logged in as the person (with a password that leaked)
    HttpBrowser thief = HttpBrowser.onPort(port).logIn(person.getUsername(), FIRST);
    String thiefToken = HttpBrowser.csrfOf(thief.get("/me/password").body());

    // When an admin resets the person's password
    HttpBrowser admin = HttpBrowser.onPort(port).logIn("tadmin", TestHospital.PASSWORD);
    HttpResponse<String> reset =
        admin.postForm(
            "/admin/people/" + person.getId() + "/password",
            "/admin/people/" + person.getId(),
            form("password", SECOND));
    assertThat(reset.headers().firstValue("Location").orElseThrow())
        .endsWith("/admin/people/" + person.getId());

    // Then that session is out, and the admin's own goes on
    assertSessionEnded(thief, thiefToken);
    assertThat(admin.get("/admin/people").statusCode()).isEqualTo(200);
  }

  @Test
  void theEnginesOwnPasswordCheckKnowsNoPassword() throws Exception {
    // Given an admin on the engine's REST API, When they ask the engine to verify a person's
    // password
    List<Map<String, Object>> before = passwordsAndPeople();
    HttpBrowser admin = HttpBrowser.onPort(port);
    HttpResponse<String> verify =
        admin.send(
            HttpBrowser.basicJson(
                    admin.request("/engine-rest/identity/verify"), "tadmin", TestHospital.PASSWORD)
                .header("Content-Type", "application/json")
                .header(RestApiGuard.SCRIPT_HEADER, "duban")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"tmedhead\",\"password\":\""
                            + TestHospital.PASSWORD
                            + "\"}")));

    // Then the engine knows no such password: it holds none
    assertThat(verify.statusCode()).isEqualTo(200);
    assertThat(verify.body()).contains("\"authenticated\":false");
    // and nothing changed but the engine's own count of failed checks (ACT_ID_USER.ATTEMPTS_)
    assertThat(passwordsAndPeople()).isEqualTo(before);
  }

  private List<Map<String, Object>> passwordsAndPeople() {
    List<Map<String, Object>> rows =
        new ArrayList<>(
            jdbc.queryForList(
                "select ID_, PWD_, SALT_, FIRST_, LAST_ from ACT_ID_USER order by ID_"));
    rows.addAll(jdbc.queryForList("select * from person order by id"));
    return rows;
  }
}
