package org.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.IssuedItemFixture;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task book form in a real browser: the year proposes the period and the period the year
 * (book-form.js), and deleting an item asks first.
 */
@RunningAppTest
class BookFormBrowserTest {

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired WorkItemRepository items;

  Browser browser;

  @BeforeEach
  void startBrowser() {
    hospital.ensure();
    browser = Browser.start("http://localhost:" + port);
    browser.logIn(IssuedItemFixture.ISSUER, TestHospital.PASSWORD);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theYearProposesThePeriodAndAPeriodOutsideTheYearProposesItsYear() {
    int year = EngineClock.today().getYear();
    browser.open("/books/new");

    browser.fill("年度", String.valueOf(year + 1));
    assertThat(value("起始日期")).isEqualTo((year + 1) + "-01-01");
    assertThat(value("截止日期")).isEqualTo((year + 1) + "-12-31");

    // a start after the end proposes the end of its year, and the period's year
    browser.fill("起始日期", (year + 3) + "-03-01");
    assertThat(value("截止日期")).isEqualTo((year + 3) + "-12-31");
    assertThat(value("年度")).isEqualTo(String.valueOf(year + 3));

    // a term's period over several years keeps the year while it includes it
    browser.fill("截止日期", (year + 5) + "-12-31");
    assertThat(value("年度")).isEqualTo(String.valueOf(year + 3));
  }

  @Test
  void deletingAnItemAsksFirstAndKeepsItWhenThePersonSaysNo() {
    TaskBook draft = fixture.draft("浏览器删除确认");
    Long itemId = fixture.addItem(draft, "1", "要先确认的事项").getId();
    browser.open("/books/" + draft.getId() + "/edit");

    browser.click("//form[contains(@action, '/items/" + itemId + "/delete')]//button");
    Alert question = browser.waiting().until(ExpectedConditions.alertIsPresent());
    assertThat(question.getText()).isEqualTo("确定删除此事项吗？");
    question.dismiss();
    assertThat(items.findById(itemId)).isPresent();

    browser.click("//form[contains(@action, '/items/" + itemId + "/delete')]//button");
    browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
    browser.waitForText("编辑任务书");
    browser.waiting().until(d -> items.findById(itemId).isEmpty());
  }

  private String value(String label) {
    return browser.field(label).getDomProperty("value");
  }
}
