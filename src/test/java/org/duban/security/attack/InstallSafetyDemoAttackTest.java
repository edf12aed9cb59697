package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 14 in the demo (the same context as DemoHospitalTest): the demo clock is for the
 * supervision office and admins only, and the robot receiver, open to anyone, refuses large bodies.
 * Each case: refused, the engine clock where it was, and the database unchanged.
 */
@SpringBootTest(properties = "duban.demo.enabled=true")
@ActiveProfiles("test")
@Attack(AttackCategory.INSTALL)
class InstallSafetyDemoAttackTest {

  @Autowired WebApplicationContext context;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;

  MockMvc mvc;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void onlyTheSupervisionOfficeAndAdminsSeeOrMoveTheDemoClock() throws Exception {
    DatabaseState before = DatabaseState.of(jdbc);
    LocalDateTime engineTimeBefore = EngineClock.now();

    // a leader, a department head and a staff member of the demo hospital are refused
    for (String who : new String[] {"shuji", "yiwu", "yiwu01"}) {
      mvc.perform(get("/demo/clock").with(as(who))).andExpect(status().isForbidden());
      mvc.perform(post("/demo/clock/days").param("days", "30").with(as(who)).with(csrf()))
          .andExpect(status().isForbidden());
      mvc.perform(post("/demo/clock/to").param("to", "2099-01-01T08:00").with(as(who)).with(csrf()))
          .andExpect(status().isForbidden());
    }
    assertThat(Duration.between(engineTimeBefore, EngineClock.now()).toMinutes()).isLessThan(1);
    before.assertUnchanged(jdbc);

    // the supervision office and the admin see it (a move of zero days is refused by the clock
    // itself, so nothing moves here either)
    for (String who : new String[] {"ducha", "admin"}) {
      mvc.perform(get("/demo/clock").with(as(who))).andExpect(status().isOk());
      mvc.perform(post("/demo/clock/days").param("days", "0").with(as(who)).with(csrf()))
          .andExpect(redirectedUrl("/demo/clock"))
          .andExpect(flash().attribute("warning", "demo.clock.daysOutOfRange"));
    }
    before.assertUnchanged(jdbc);
  }

  @Test
  void theRobotReceiverRefusesLargeBodies() throws Exception {
    DatabaseState before = DatabaseState.of(jdbc);
    String large =
        "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"" + "x".repeat(9 * 1024) + "\"}}";
    for (String platform : new String[] {"wecom", "dingtalk"}) {
      mvc.perform(
              post("/demo/webhooks/" + platform)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(large))
          .andExpect(status().isPayloadTooLarge());
    }
    String page =
        mvc.perform(get("/demo/outbox").with(as("ducha")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).doesNotContain("x".repeat(100));
    before.assertUnchanged(jdbc);
  }
}
