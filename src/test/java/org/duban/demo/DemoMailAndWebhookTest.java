package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Set;
import org.duban.TestClock;
import org.duban.notification.Channel;
import org.duban.notification.Dispatcher;
import org.duban.notification.Message;
import org.duban.notification.MessageKind;
import org.duban.notification.Notifier;
import org.duban.notification.Preferences;
import org.duban.notification.RobotRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/** The demo's mail catcher, webhook receiver and outbox page (same context as DemoHospitalTest). */
@SpringBootTest(properties = "duban.demo.enabled=true")
@ActiveProfiles("test")
class DemoMailAndWebhookTest {

  @Autowired WebApplicationContext context;
  @Autowired DemoMailCatcher mails;
  @Autowired DemoWebhookReceiver webhooks;
  @Autowired RobotRepository robots;
  @Autowired Preferences preferences;
  @Autowired Notifier notifier;
  @Autowired Dispatcher dispatcher;
  @Autowired UserDetailsService users;
  @Autowired PlatformTransactionManager transactionManager;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  private MockMvc mvc() {
    return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  @Test
  void demoPeopleHaveAddressesTheHospitalHasRobotsAndMailsArriveInTheCatcher() throws Exception {
    assertThat(preferences.of("yiwu").getEmail()).isEqualTo("yiwu@demo-hospital.cn");
    assertThat(robots.findAll())
        .extracting(r -> r.getPlatform())
        .contains(Channel.WECOM, Channel.DINGTALK);
    assertThat(robots.findAll())
        .allSatisfy(r -> assertThat(r.getWebhookUrl()).contains("/demo/webhooks/"));

    // a working morning, outside the default quiet hours
    TestClock.at(LocalDateTime.of(2026, 12, 3, 9, 0));
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            s ->
                notifier.send(
                    new Message(
                        "demo-mail-test",
                        Set.of("yiwu"),
                        null,
                        MessageKind.URGE,
                        "演示催办：平均住院日",
                        "请尽快填报。",
                        "/tasks")));
    dispatcher.dispatchDue();

    assertThat(mails.mails())
        .anySatisfy(
            m -> {
              assertThat(m.subject()).isEqualTo("【督办】演示催办：平均住院日");
              assertThat(m.to()).isEqualTo("yiwu@demo-hospital.cn");
              assertThat(m.text()).contains("http://localhost:8080/tasks");
            });
    String page =
        mvc()
            .perform(get("/demo/outbox").with(user(users.loadUserByUsername("yiwu"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("【督办】演示催办：平均住院日");
  }

  @Test
  void robotsPostToTheReceiverWithoutLogInOrCsrfTokenAndNothingElseIsOpened() throws Exception {
    MockMvc mvc = mvc();
    mvc.perform(
            post("/demo/webhooks/dingtalk")
                .param("timestamp", "1")
                .param("sign", "x")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"演示标题\",\"text\":\"#### 演示标题\\n\\n[查看详情](http://localhost:8080/items/1)\"}}"))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
    assertThat(webhooks.posts())
        .first()
        .satisfies(
            p -> {
              assertThat(p.platform()).isEqualTo("dingtalk");
              assertThat(p.signed()).isTrue();
              assertThat(p.markdown()).contains("[查看详情](http://localhost:8080/items/1)");
            });

    // the exception is only these two posts: the outbox page and other paths still need a log-in
    mvc.perform(get("/demo/outbox")).andExpect(status().is3xxRedirection());
    mvc.perform(post("/demo/webhooks/other").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().is4xxClientError());
  }
}
