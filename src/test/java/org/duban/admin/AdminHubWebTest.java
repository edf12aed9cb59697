package org.duban.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;

/** The admin hub leads to every admin page; the top bar shows it to admins only. */
class AdminHubWebTest extends WebTestSupport {

  @Test
  void theHubLinksEveryAdminPage() throws Exception {
    String page = body("tadmin", "/admin");
    assertThat(page)
        .contains("系统管理")
        .contains("href=\"/admin/calendar\"")
        .contains("href=\"/admin/audit\"")
        .contains("href=\"/admin/robots\"")
        .contains("href=\"/admin/notifications\"")
        .contains("href=\"/camunda/app/cockpit/\"");
    for (String link :
        new String[] {"/admin/calendar", "/admin/audit", "/admin/robots", "/admin/notifications"}) {
      mvc.perform(get(link).with(user(hospital.user("tadmin")))).andExpect(status().isOk());
    }
  }

  @Test
  void adminsSeeTheHubInTheTopBarAndOthersDoNot() throws Exception {
    assertThat(body("tadmin", "/tasks")).contains("href=\"/admin\"");
    assertThat(body("tmedhead", "/tasks")).doesNotContain("href=\"/admin\"");
  }

  @Test
  void nonAdminsAreRefused() throws Exception {
    mvc.perform(get("/admin").with(user(hospital.user("tmedhead"))))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin").with(user(hospital.user("tleader"))))
        .andExpect(status().isForbidden());
  }

  private String body(String username, String path) throws Exception {
    return mvc.perform(get(path).with(user(hospital.user(username))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
