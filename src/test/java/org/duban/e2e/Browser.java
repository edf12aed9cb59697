package org.duban.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium driven through Debian's chromedriver. Both paths are given to
 * Selenium, so Selenium Manager never looks for (or downloads) a browser or a driver; when either
 * is missing the test fails and says what to install, it never skips. Waits are explicit and
 * generous (a shared 2-core machine), never fixed sleeps.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getProperty("duban.e2e.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("duban.e2e.chromedriver", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(Long.getLong("duban.e2e.wait-seconds", 60));

  private final ChromeDriver driver;
  private final String baseUrl;

  private Browser(ChromeDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /**
   * A new browser whose relative paths resolve against {@code baseUrl} (e.g. {@code
   * http://localhost:8123}).
   */
  public static Browser start(String baseUrl) {
    requireInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        // root in a container has no usable sandbox, and /dev/shm is small there
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--password-store=basic",
        "--window-size=1280,1024",
        "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    options.setPageLoadTimeout(WAIT);
    options.setScriptTimeout(WAIT);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(WAIT)
            // chromium takes its UI language (date pickers) from LANGUAGE, not --lang; LANG only
            // has to be UTF-8 so
            // that file names in Chinese reach the file input (zh_CN.UTF-8 is seldom installed)
            .withEnvironment(Map.of("LANG", "C.UTF-8", "LANGUAGE", "zh_CN:zh"))
            .build();
    return new Browser(new ChromeDriver(service, options), baseUrl.replaceAll("/$", ""));
  }

  /** Fails with what to install when Debian's chromium or its driver is missing. */
  static void requireInstalled() {
    requireInstalled(CHROMIUM, CHROMEDRIVER);
  }

  static void requireInstalled(Path browser, Path driver) {
    List<Path> missing =
        java.util.stream.Stream.of(browser, driver).filter(p -> !Files.isExecutable(p)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The browser tests need Debian's chromium and its driver, missing: "
              + missing
              + ". Install them with `sudo apt-get install chromium chromium-driver fonts-wqy-zenhei` "
              + "(.ci/run does); they are never downloaded.");
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public String url(String path) {
    return path.startsWith("/") ? baseUrl + path : path;
  }

  public void open(String path) {
    driver.get(url(path));
  }

  public String currentPath() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  // ---- waits -------------------------------------------------------------------------------

  /**
   * A wait of {@link #WAIT} that looks again when what it looked at went away under it: a page just
   * replaced gives stale elements, or chromedriver's "node does not belong to the document". An
   * error that lasts still fails the wait, with the last error as its cause.
   */
  public WebDriverWait waiting() {
    // looks again every 100 ms, not Selenium's 500: most waits follow a click whose page is there
    // within
    // a few tens of milliseconds, and the half second each of them slept adds up over a path of
    // many pages
    WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  /** The page's visible text, once it contains every one of {@code texts}. */
  public String waitForText(String... texts) {
    waiting()
        .withMessage(() -> "page " + driver.getCurrentUrl() + " to show " + List.of(texts))
        .until(
            d -> {
              String body = d.findElement(By.tagName("body")).getText();
              for (String text : texts) {
                if (!body.contains(text)) {
                  return false;
                }
              }
              return true;
            });
    return text();
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  // ---- finding by what the user reads ---------------------------------------------------------

  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  /** The visible element matching the XPath, waited for. */
  public WebElement find(String xpath) {
    return waiting()
        .withMessage(() -> "page " + driver.getCurrentUrl() + " to have " + xpath)
        .until(ExpectedConditions.visibilityOfElementLocated(By.xpath(xpath)));
  }

  /**
   * Clicks the button whose text (or value) is exactly {@code text} and waits for the page it leads
   * to.
   */
  public void clickButton(String text) {
    String xpath =
        "//button[normalize-space()="
            + literal(text)
            + "]|//input[(@type='submit' or @type='button') and @value="
            + literal(text)
            + "]";
    clickToNewPage(xpath);
  }

  /** Clicks the link whose text is exactly {@code text} and waits for the page it leads to. */
  public void clickLink(String text) {
    clickToNewPage("//a[normalize-space()=" + literal(text) + "]");
  }

  /**
   * Clicks and waits until the browser has left the page, so that what comes next looks at the new
   * page and not at the old one (which may show the same header, or even the same list).
   */
  public void clickToNewPage(String xpath) {
    WebElement oldPage = driver.findElement(By.tagName("html"));
    click(xpath);
    waiting()
        .withMessage(() -> "the click on " + xpath + " to lead to a new page")
        .until(ExpectedConditions.stalenessOf(oldPage));
  }

  /** Clicks what the XPath finds, once it is clickable; for a click that stays on the page. */
  public void click(String xpath) {
    // found and clicked in one attempt, so that a page replaced in between is looked at again
    waiting()
        .withMessage(() -> "page " + driver.getCurrentUrl() + " to have clickable " + xpath)
        .until(
            d -> {
              WebElement element =
                  ExpectedConditions.elementToBeClickable(By.xpath(xpath)).apply(d);
              if (element == null) {
                return false;
              }
              ((JavascriptExecutor) d)
                  .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
              element.click();
              return true;
            });
  }

  /** The form control a {@code <label>} with exactly this text (a required mark aside) is for. */
  public WebElement field(String label) {
    return field(driver.findElement(By.tagName("body")), label);
  }

  /** As {@link #field(String)}, inside {@code scope} (e.g. one row of a list). */
  public WebElement field(WebElement scope, String label) {
    WebElement labelElement =
        waiting()
            .withMessage(() -> "a field labelled " + label + " on " + driver.getCurrentUrl())
            .until(
                d ->
                    scope
                        .findElements(
                            By.xpath(
                                ".//label[normalize-space(translate(., '*', ''))="
                                    + literal(label)
                                    + "]"))
                        .stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    String id = labelElement.getDomAttribute("for");
    return id != null
        ? driver.findElement(By.id(id))
        : labelElement.findElement(By.xpath(".//input|.//select|.//textarea"));
  }

  /**
   * Types into the field labelled {@code label}, replacing what was there; dates and selects are
   * set as chosen.
   */
  public void fill(String label, String value) {
    fill(field(label), value);
  }

  public void fill(WebElement element, String value) {
    String tag = element.getTagName();
    String type = element.getDomAttribute("type");
    if ("select".equals(tag)) {
      new Select(element).selectByVisibleText(value);
    } else if ("date".equals(type) || "datetime-local".equals(type) || "month".equals(type)) {
      // a date picker's segments follow the locale; set the value as picking a date does
      ((JavascriptExecutor) driver)
          .executeScript(
              "arguments[0].value = arguments[1];"
                  + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                  + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
              element,
              value);
    } else {
      element.clear();
      element.sendKeys(value);
    }
  }

  /**
   * Chooses the radio button or checkbox labelled {@code label} (inside the fieldset named {@code
   * legend} if given).
   */
  public void choose(String legend, String label) {
    String scope =
        legend == null
            ? ""
            : "//fieldset[legend[normalize-space(translate(., '*', ''))=" + literal(legend) + "]]";
    WebElement labelElement = find(scope + "//label[normalize-space()=" + literal(label) + "]");
    WebElement input = driver.findElement(By.id(labelElement.getDomAttribute("for")));
    if (!input.isSelected()) {
      labelElement.click();
    }
  }

  // ---- sessions
  // ----------------------------------------------------------------------------------

  /** Logs in through the log-in page as a user would, ending any session first. */
  public void logIn(String username, String password) {
    logOut();
    open("/login");
    fill(find("//input[@id='username']"), username);
    fill(find("//input[@id='password']"), password);
    clickButton("登录");
    waiting()
        .withMessage(() -> username + " to be logged in (still on " + driver.getCurrentUrl() + ")")
        .until(d -> !d.getCurrentUrl().contains("/login"));
    waitForText("退出");
  }

  /** Clicks 退出 when someone is logged in. */
  public void logOut() {
    if (!driver.findElements(By.xpath("//button[normalize-space()='退出']")).isEmpty()) {
      clickButton("退出");
      waiting().until(d -> d.getCurrentUrl().contains("/login"));
    }
  }

  // ---- evidence for a failed step --------------------------------------------------------------

  /**
   * Saves a PNG of the whole page to {@code png} and the page source beside it (same name, .html).
   */
  public void saveEvidence(Path png) throws IOException {
    Files.createDirectories(png.getParent());
    Path html =
        png.resolveSibling(png.getFileName().toString().replaceAll("\\.png$", "") + ".html");
    try {
      Files.writeString(
          html,
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
    } finally {
      Files.write(png, screenshot());
    }
  }

  /**
   * The whole page, not only the window, so that an error below the fold shows; the window if that
   * fails.
   */
  private byte[] screenshot() {
    try {
      Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      @SuppressWarnings("unchecked")
      Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
      double width = Math.min(size.get("width").doubleValue(), 4000);
      double height = Math.min(size.get("height").doubleValue(), 12000);
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    } catch (RuntimeException cdpUnavailable) {
      return driver.getScreenshotAs(OutputType.BYTES);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
