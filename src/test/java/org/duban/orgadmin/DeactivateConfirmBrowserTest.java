package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.TestHospital;
import org.duban.e2e.Browser;
import org.duban.org.Person;
import org.duban.org.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 point 15, in a real browser: pressing 停用 on a person's page asks first, naming the
 * person; cancelling leaves the person active, agreeing deactivates them.
 */
class DeactivateConfirmBrowserTest extends PeopleTestSupport {

  @LocalServerPort int port;

  Browser browser;

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void deactivatingAPersonAsksFirstAndCancellingChangesNothing() {
    Person person = newPerson("确认停用测试", hospital.department("tmedical"), Role.STAFF);
    browser = Browser.start("http://localhost:" + port);
    browser.logIn("tadmin", TestHospital.PASSWORD);
    browser.open("/admin/people/" + person.getId());
    String deactivate = "//form[contains(@action,'/deactivate')]//button";

    // When the admin presses 停用 and cancels the question
    browser.click(deactivate);
    Alert question = browser.waiting().until(ExpectedConditions.alertIsPresent());
    assertThat(question.getText()).contains("确定停用 确认停用测试（" + person.getUsername() + "）吗");
    question.dismiss();
    // Then nothing was sent: the person is still active
    assertThat(browser.currentPath()).isEqualTo("/admin/people/" + person.getId());
    assertThat(people.findById(person.getId()).orElseThrow().isActive()).isTrue();

    // When the admin presses 停用 again and agrees
    browser.click(deactivate);
    browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
    // Then the person is deactivated
    browser
        .waiting()
        .withMessage("the person to be deactivated")
        .until(d -> !people.findById(person.getId()).orElseThrow().isActive());
  }
}
