package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** The top bar leads each role to the pages it works with, and only to those. */
class NavigationWebTest extends WebTestSupport {

  @Test
  void leadersAndHeadsFindTheBoardAndTheAssessmentsStaffDoNot() throws Exception {
    for (String username : new String[] {"tleader", "tducha", "tmedhead", "tadmin"}) {
      String page = tasks(username);
      assertThat(page).as(username).contains("href=\"/board\"").contains("href=\"/assessments\"");
      mvc.perform(MockMvcRequestBuilders.get("/board").with(as(username)))
          .andExpect(MockMvcResultMatchers.status().isOk());
      mvc.perform(MockMvcRequestBuilders.get("/assessments").with(as(username)))
          .andExpect(MockMvcResultMatchers.status().isOk());
    }
    assertThat(tasks("tmedstaff"))
        .doesNotContain("href=\"/board\"")
        .doesNotContain("href=\"/assessments\"");
  }

  private String tasks(String username) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get("/tasks").with(as(username)))
        .andExpect(MockMvcResultMatchers.status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
