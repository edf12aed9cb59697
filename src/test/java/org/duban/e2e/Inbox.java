package org.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 我的待办 and the task pages, as a person works through them: open a task, sign for it, fill it in,
 * submit.
 */
final class Inbox {

  private final Browser browser;

  Inbox(Browser browser) {
    this.browser = browser;
  }

  /**
   * From the header's 我的待办, opens the task named {@code taskName} whose subject contains {@code
   * subject}, signing for it first (签收) when it waits in the department's pool.
   */
  void open(String taskName, String subject) {
    browser.clickLink("我的待办");
    String row =
        "//table[contains(@class,'list')]//tr[td[1]//a[normalize-space()='"
            + taskName
            + "']"
            + " and td[2][contains(normalize-space(), '"
            + subject
            + "')]]";
    WebElement found = browser.find(row);
    if (!found.findElements(By.xpath(".//button[normalize-space()='签收']")).isEmpty()) {
      browser.clickToNewPage(row + "//button[normalize-space()='签收']");
      browser.waitForText("已签收，请办理");
    } else {
      browser.clickToNewPage(row + "/td[1]//a");
    }
    browser.find("//h1[normalize-space()='" + taskName + "']");
    browser.find("//form[contains(@class,'task-form')]//button[normalize-space()='提交']");
  }

  /** Submits the open task's form and expects to be back in the inbox with 已提交. */
  void submit() {
    browser.clickToNewPage("//form[contains(@class,'task-form')]//button[normalize-space()='提交']");
    browser
        .waiting()
        .withMessage(() -> "the task to be submitted (back in 我的待办) or its form to show errors")
        .until(
            d ->
                d.getCurrentUrl().endsWith("/tasks")
                    || !d.findElements(By.cssSelector(".field-error")).isEmpty());
    List<String> errors =
        browser.driver().findElements(By.cssSelector(".field-error")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(errors)
        .as("errors shown on the task form %s", browser.driver().getCurrentUrl())
        .isEmpty();
    browser.waitForText("已提交");
  }
}
