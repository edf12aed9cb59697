package org.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;

/**
 * The browser tests' evidence: a failed step leaves a screenshot and the page's source named after
 * the step, and the failure still fails the test. Needs the browser, not the app.
 */
class StepScreenshotTest {

  static Browser browser;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start("http://localhost");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static void show(String html) {
    browser.open(
        "data:text/html;charset=utf-8,"
            + URLEncoder.encode(
                    "<!DOCTYPE html><html lang=\"zh-CN\"><body>" + html + "</body></html>",
                    StandardCharsets.UTF_8)
                .replace("+", "%20"));
  }

  @Test
  void aFailedStepLeavesAScreenshotAndThePageSourceAndIsRethrownNamingBoth() throws Exception {
    Steps steps = new Steps(browser, StepScreenshotTest.class);
    show("<h1>督办通知单</h1><p>督〔2026〕1号</p>");
    steps.step("打开督办单", () -> browser.waitForText("督办通知单"));
    AssertionError onPurpose = new AssertionError("故意失败：没有整改方案");

    Throwable thrown =
        catchThrowable(
            () ->
                steps.step(
                    "督查室签发督办单",
                    () -> {
                      throw onPurpose;
                    }));

    Path png = steps.directory().resolve("02-督查室签发督办单.png");
    Path html = steps.directory().resolve("02-督查室签发督办单.html");
    assertThat(thrown)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Step 2")
        .hasMessageContaining("督查室签发督办单")
        .hasMessageContaining(png.toString())
        .hasMessageContaining("故意失败：没有整改方案");
    assertThat(thrown.getCause()).isSameAs(onPurpose);
    assertThat(png).exists();
    byte[] image = Files.readAllBytes(png);
    assertThat(image).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(image.length).isGreaterThan(1000);
    assertThat(Files.readString(html)).contains("督办通知单", "督〔2026〕1号");
    // a step that passed leaves nothing behind
    try (var files = Files.list(steps.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("01-"));
    }
  }

  @Test
  void aWaitThatRunsOutInAStepFailsWithTheStepAndItsScreenshot() {
    Steps steps =
        new Steps(browser, Path.of("target", "e2e-screenshots", "StepScreenshotTest-wait"));
    show("<p>审核任务书</p>");
    var shortWait = browser.waiting().withTimeout(java.time.Duration.ofMillis(300));

    assertThatThrownBy(
            () -> steps.step("等待销号", () -> shortWait.until(d -> browser.text().contains("已销号"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("等待销号")
        .hasMessageContaining("01-等待销号.png")
        .hasCauseInstanceOf(TimeoutException.class);
    assertThat(steps.directory().resolve("01-等待销号.png")).exists();
  }

  @Test
  void theScreenshotShowsTheWholePageNotOnlyTheWindow() throws Exception {
    Steps steps =
        new Steps(browser, Path.of("target", "e2e-screenshots", "StepScreenshotTest-tall"));
    show("<p>顶部</p><div style=\"height: 3000px\"></div><p class=\"field-error\">整改完成时限须为工作日</p>");

    catchThrowable(
        () ->
            steps.step(
                "提交整改方案",
                () -> {
                  throw new AssertionError("errors shown on the task form");
                }));

    byte[] png = Files.readAllBytes(steps.directory().resolve("01-提交整改方案.png"));
    int height = java.nio.ByteBuffer.wrap(png, 20, 4).getInt();
    assertThat(height).as("height of the screenshot in pixels").isGreaterThan(3000);
  }

  @Test
  void aMissingBrowserOrDriverFailsSayingWhatToInstall() {
    assertThatThrownBy(
            () -> Browser.requireInstalled(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/chromium")
        .hasMessageContaining("apt-get install chromium chromium-driver");
  }
}
