package org.duban.demo;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The robots' posts to the demo's receiver need neither log-in nor CSRF token, and nothing else
 * does. Outside the demo (this context) the receiver does not exist: such a post passes security
 * and finds nothing (404), while any other post without a token is refused.
 */
class DemoWebhookSecurityWebTest extends WebTestSupport {

  @Test
  void onlyTheTwoRobotAddressesAreOpenAndOnlyForPosts() throws Exception {
    for (String platform : new String[] {"wecom", "dingtalk"}) {
      mvc.perform(
              post("/demo/webhooks/" + platform)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{}"))
          .andExpect(status().isNotFound());
    }
    mvc.perform(post("/demo/webhooks/other").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/inbox/read-all")).andExpect(status().isForbidden());
  }
}
