package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 15: deactivating a person (or a department) asks first: the form carries the
 * question the browser asks, naming who is deactivated, and the page loads the script that asks it
 * (a file of the site, as the Content-Security-Policy allows no inline script).
 */
class DeactivateAsksFirstWebTest extends WebTestSupport {

  private static final Pattern DEACTIVATE_FORM =
      Pattern.compile("<form[^>]*action=\"[^\"]*/deactivate\"[^>]*>");

  String page(String path) throws Exception {
    return mvc.perform(get(path).with(user(hospital.user("tadmin"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  static String deactivateForm(String page) {
    Matcher form = DEACTIVATE_FORM.matcher(page);
    assertThat(form.find()).as("the deactivate form").isTrue();
    return form.group();
  }

  @Test
  void deactivatingAPersonAsksFirstNamingThePerson() throws Exception {
    String page = page("/admin/people/" + hospital.personId("tmedstaff"));

    assertThat(deactivateForm(page))
        .contains("data-confirm=\"确定停用 " + hospital.user("tmedstaff").fullName() + "（tmedstaff）吗？");
    assertThat(page).contains("/js/ask-first.js");
    assertThat(deactivateForm(page("/admin/people/" + hospital.personId("tmedstaff") + "?lang=en")))
        .contains("data-confirm=\"Deactivate ");
  }

  @Test
  void deactivatingADepartmentAsksFirst() throws Exception {
    String page = page("/admin/departments/" + hospital.department("tnursing").getId());

    assertThat(deactivateForm(page))
        .contains("data-confirm=\"确定停用科室“" + hospital.department("tnursing").getName());
    assertThat(page).contains("/js/ask-first.js");
  }

  @Test
  void theScriptThatAsksIsServed() throws Exception {
    String script =
        mvc.perform(get("/js/ask-first.js"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(script).contains("data-confirm").contains("window.confirm");
  }
}
