package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.e2e.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: a refused upload shows its problems counted by kind, and the problem-sheet
 * form already holds the refused file, so that its sheet with a 问题 column downloads without
 * choosing it again.
 */
class ProblemSheetBrowserTest extends DecompositionTestSupport {

  @LocalServerPort int port;

  @Test
  void theRefusedFileIsReadyToDownloadWithItsProblemColumn() throws Exception {
    TaskBook book = draft("浏览器：问题列");
    Path file = Files.createTempDirectory("duban-import").resolve("有问题的分解表.xlsx");
    Files.write(file, ProblemsInOnePassWebTest.tableWithProblems());

    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.logIn(ISSUER, TestHospital.PASSWORD);
      browser.open("/books/" + book.getId() + "/import");
      browser
          .driver()
          .findElement(By.id("decomposition-file"))
          .sendKeys(file.toAbsolutePath().toString());
      browser
          .find("//form[contains(@class,'decomposition-upload')]//button[@type='submit']")
          .click();

      browser.waitForText("部门名称无法识别：2 处");
      Object kept =
          ((JavascriptExecutor) browser.driver())
              .executeScript(
                  "var f = document.querySelector('form.problem-sheet input[type=file]').files;"
                      + " return f.length === 1 ? f[0].name : null;");
      assertThat(kept).isEqualTo("有问题的分解表.xlsx");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
