package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.WebTestSupport;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox, its badge, the settings page and the robots page, through the web. */
class NotificationPagesWebTest extends WebTestSupport {

  @Autowired PersonRepository people;
  @Autowired UserDetailsService users;
  @Autowired Notifier notifier;
  @Autowired Inbox inbox;
  @Autowired Preferences preferences;
  @Autowired RobotRepository robots;
  @Autowired PlatformTransactionManager transactionManager;

  /** People of this test only, so that other tests' messages do not change their counts. */
  private String alice;

  private String bob;

  @BeforeEach
  void twoNewPeople() {
    hospital.ensure();
    alice = person("甲");
    bob = person("乙");
  }

  @AfterEach
  void noRobotsLeft() {
    robots.deleteAll();
  }

  private String person(String name) {
    String username = "tn" + UUID.randomUUID().toString().substring(0, 8);
    people.save(
        new Person(
            username,
            "通知测试" + name,
            null,
            "unused",
            hospital.department("tmedical"),
            EnumSet.of(Role.STAFF)));
    return username;
  }

  /** People this test makes itself, beside the test hospital's. */
  @Override
  protected RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  private void send(String key, MessageKind kind, String title, String link, String... to) {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            s -> notifier.send(new Message(key, Set.of(to), null, kind, title, "正文", link)));
  }

  private String page(String url, String username) throws Exception {
    return mvc.perform(get(url).with(as(username)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static int badge(String html) {
    Matcher m = Pattern.compile("<span\\s+class=\"badge\"[^>]*>(\\d+)</span>").matcher(html);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private Long entryId(String username, String title) {
    return inbox.entries(username, null, 0).stream()
        .filter(e -> e.getMessage().getTitle().equals(title))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  @Test
  void theHeaderShowsTheUnreadCountAndOpeningAMessageMarksItReadAndGoesToItsLink()
      throws Exception {
    send("web-" + UUID.randomUUID(), MessageKind.URGE, "催办：住院日", "/items/7", alice);
    send("web-" + UUID.randomUUID(), MessageKind.NOTICE, "督办通知：预约率", "/tasks/abc", alice);
    assertThat(badge(page("/tasks", alice))).isEqualTo(2);
    assertThat(badge(page("/tasks", bob))).isZero();

    String list = page("/inbox", alice);
    assertThat(list.indexOf("督办通知：预约率")).as("newest first").isLessThan(list.indexOf("催办：住院日"));
    assertThat(list).contains("inbox-entry unread");

    Long id = entryId(alice, "督办通知：预约率");
    mvc.perform(get("/inbox/" + id).with(as(alice))).andExpect(redirectedUrl("/tasks/abc"));
    assertThat(badge(page("/tasks", alice))).isEqualTo(1);
    assertThat(inbox.unread(alice)).isEqualTo(1);
  }

  @Test
  void nobodyOpensAnotherPersonsMessage() throws Exception {
    send("web-" + UUID.randomUUID(), MessageKind.URGE, "只给甲", "/items/7", alice);
    Long id = entryId(alice, "只给甲");

    mvc.perform(get("/inbox/" + id).with(as(bob))).andExpect(status().isNotFound());

    assertThat(inbox.unread(alice)).isEqualTo(1);
    assertThat(page("/inbox", bob)).doesNotContain("只给甲");
  }

  @Test
  void theInboxFiltersByKindAndMarksAllRead() throws Exception {
    send("web-" + UUID.randomUUID(), MessageKind.URGE, "一条催办", null, bob);
    send("web-" + UUID.randomUUID(), MessageKind.DIGEST, "一份摘要", null, bob);

    String urges = page("/inbox?kind=URGE", bob);
    assertThat(urges).contains("一条催办").doesNotContain("一份摘要");

    mvc.perform(post("/inbox/read-all").with(as(bob)).with(csrf()))
        .andExpect(redirectedUrl("/inbox"));
    assertThat(inbox.unread(bob)).isZero();
    assertThat(badge(page("/tasks", bob))).isZero();
  }

  @Test
  void badSettingsAreShownAndChangeNothingGoodOnesAreSaved() throws Exception {
    String html =
        mvc.perform(
                post("/me/notifications")
                    .with(as(alice))
                    .with(csrf())
                    .param("email", "not-an-address")
                    .param("byEmail", "true")
                    .param("quietStart", "25:00")
                    .param("quietEnd", "07:00"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("请填写有效的电子邮箱地址").contains("请按“时:分”填写时间");
    assertThat(preferences.of(alice).getEmail()).isNull();
    assertThat(preferences.of(alice).quietHours()).isEqualTo(QuietHours.DEFAULT);

    mvc.perform(
            post("/me/notifications")
                .with(as(alice))
                .with(csrf())
                .param("email", "alice@hospital.test")
                .param("byEmail", "true")
                .param("quietStart", "21:30")
                .param("quietEnd", "06:45"))
        .andExpect(redirectedUrl("/me/notifications"));
    NotificationPreference saved = preferences.of(alice);
    assertThat(saved.getEmail()).isEqualTo("alice@hospital.test");
    assertThat(saved.channels()).containsExactly(Channel.EMAIL);
    assertThat(saved.quietHours())
        .isEqualTo(new QuietHours(java.time.LocalTime.of(21, 30), java.time.LocalTime.of(6, 45)));
  }

  @Test
  void onlyAdminsConfigureRobotsAndABadAddressIsRefused() throws Exception {
    mvc.perform(get("/admin/robots").with(as(alice))).andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/robots")
                .with(as("tmedhead"))
                .with(csrf())
                .param("platform", "WECOM")
                .param("name", "x")
                .param("webhookUrl", "https://example.invalid/x"))
        .andExpect(status().isForbidden());
    assertThat(robots.count()).isZero();

    String refused =
        mvc.perform(
                post("/admin/robots")
                    .with(as("tadmin"))
                    .with(csrf())
                    .param("platform", "DINGTALK")
                    .param("name", "医务部群")
                    .param("webhookUrl", "ftp://x"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("请填写以 http:// 或 https:// 开头的 Webhook 地址");
    assertThat(robots.count()).isZero();

    mvc.perform(
            post("/admin/robots")
                .with(as("tadmin"))
                .with(csrf())
                .param("platform", "DINGTALK")
                .param("departmentId", String.valueOf(hospital.department("tmedical").getId()))
                .param("name", "医务部群")
                .param("webhookUrl", "https://oapi.dingtalk.com/robot/send?access_token=abc")
                .param("secret", "SECxyz"))
        .andExpect(redirectedUrl("/admin/robots"));
    Robot robot = robots.findAll().get(0);
    assertThat(robot.getSecret()).isEqualTo("SECxyz");
    assertThat(page("/admin/robots", "tadmin")).contains("医务部群").doesNotContain("SECxyz");
    assertThat(page("/admin/notifications", "tadmin")).contains("通知发送记录");
  }
}
