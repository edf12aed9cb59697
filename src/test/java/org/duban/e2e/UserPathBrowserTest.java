package org.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.TestHospital;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The user's path in a real browser, every step clicked as the person would: a leader drafts and
 * issues a department's responsibility book, a reviewer approves it, the department's head signs
 * it, claims the item and breaks it down, the staff member reports, the department checks in far
 * behind, the weekly sweep lights the item red, the supervision office issues a notice, the
 * department rectifies and the office signs it off; the item's page then tells the whole story.
 *
 * <p>The {@code test} profile with the job executor on: 立即执行周督查 starts the sweep whose per-item
 * jobs run in the background as in production, and the office's page is reloaded until it shows the
 * result. The context is closed afterwards so no executor keeps polling beside other tests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
@DirtiesContext
class UserPathBrowserTest {

  private static final String BOOK = "医务部2026年度目标责任书（浏览器）";
  private static final String ITEM = "缩短平均住院日";

  @LocalServerPort int port;
  @Autowired TestHospital hospital;
  @Autowired WorkCalendar calendar;

  Browser browser;
  Steps steps;
  Inbox inbox;

  @BeforeEach
  void startBrowser() {
    hospital.ensure();
    browser = Browser.start("http://localhost:" + port);
    steps = new Steps(browser, UserPathBrowserTest.class);
    inbox = new Inbox(browser);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private void logIn(String username) {
    browser.logIn(username, TestHospital.PASSWORD);
  }

  @Test
  void aBookTravelsFromTheLeaderThroughARedLightToTheOfficesSignOff() throws Exception {
    LocalDate today = EngineClock.today();
    // most of the period is over, so an item reported at 20% is far behind 序时进度
    LocalDate periodStart = today.minusDays(330);
    LocalDate periodEnd = today.plusDays(30);
    String[] itemPath = new String[1];

    steps.step(
        "书记起草目标责任书",
        () -> {
          logIn("tleader");
          browser.clickLink("目标任务书");
          browser.clickLink("起草任务书");
          browser.fill("名称", BOOK);
          browser.fill("年度", String.valueOf(today.getYear()));
          browser.fill("起始日期", periodStart.toString());
          browser.fill("截止日期", periodEnd.toString());
          browser.fill("目标领域", "医疗服务");
          browser.fill("层级", "科室（中层干部）任务书");
          browser.fill("责任部门（科室任务书）", "测试医务部");
          browser.clickButton("创建草稿");
          browser.waitForText("编辑任务书", BOOK, "还没有事项");
        });

    steps.step(
        "书记添加事项",
        () -> {
          browser.fill("序号", "1");
          browser.fill("工作任务", ITEM);
          browser.fill("具体目标", "平均住院日≤6.5天");
          browser.fill("牵头部门", "测试医务部");
          browser.choose("协同部门", "测试信息中心");
          browser.fill("分管领导", "测试分管院长");
          browser.fill("完成时限", periodEnd.toString());
          // the work began with the book, not on the day it is issued: 序时进度 runs from then
          browser.fill("开始时间（选填）", periodStart.toString());
          browser.fill("指标名称", "平均住院日");
          browser.fill("方向", "不高于（≤）");
          browser.fill("目标值", "6.5");
          browser.fill("单位", "天");
          browser.fill("基线值", "7.2");
          browser.clickButton("添加事项");
          String page = browser.waitForText("已添加事项");
          assertThat(page).contains(ITEM, "测试医务部", "测试信息中心", "平均住院日");
        });

    steps.step(
        "书记提交审核",
        () -> {
          inbox.open("起草任务书", BOOK);
          browser.fill("提交说明", "请审核");
          inbox.submit();
        });

    steps.step(
        "院长审核通过",
        () -> {
          logIn("treviewer");
          inbox.open("审核任务书", BOOK);
          browser.choose("审核结论", "通过，下达任务书");
          inbox.submit();
          browser.clickLink("目标任务书");
          browser.clickLink(BOOK);
          assertThat(browser.waitForText("已下达")).contains("测试医务部", "尚未签署", ITEM, "待认领");
        });

    steps.step(
        "医务部主任签署目标责任书",
        () -> {
          logIn("tmedhead");
          inbox.open("签署目标责任书", BOOK);
          assertThat(browser.text()).contains(BOOK, "共 1 项工作任务");
          browser.choose("签署意见", "确认签署");
          inbox.submit();
          browser.clickLink("目标任务书");
          browser.clickLink(BOOK);
          assertThat(browser.waitForText("已下达")).contains("测试医务主任 " + EngineClock.today());
        });

    steps.step(
        "医务部主任认领事项",
        () -> {
          inbox.open("认领工作任务", ITEM);
          browser.choose("认领结果", "认领");
          inbox.submit();
        });

    steps.step(
        "医务部主任分解子任务",
        () -> {
          inbox.open("分解任务", ITEM);
          browser.fill("子任务名称", "梳理病种目录");
          browser.fill("办理人", "测试医务干事");
          browser.fill("完成时限", today.plusDays(10).toString());
          inbox.submit();
          browser.clickLink("目标任务书");
          browser.clickLink(BOOK);
          browser.clickLink(ITEM);
          String item = browser.waitForText("推进中", "梳理病种目录");
          assertThat(item).contains("测试医务干事", "办理中");
          itemPath[0] = browser.currentPath();
        });

    steps.step(
        "医务干事报告子任务完成",
        () -> {
          logIn("tmedstaff");
          inbox.open("办理子任务", ITEM);
          assertThat(browser.text()).contains("梳理病种目录");
          browser.fill("办理情况", "病种目录已印发执行");
          inbox.submit();
          browser.open(itemPath[0]);
          assertThat(browser.waitForText("病种目录已印发执行")).contains("已完成");
        });

    steps.step(
        "督查室开启月度填报",
        () -> {
          logIn("tducha");
          browser.clickLink("督查督办");
          browser.clickButton("立即开启月度填报");
          browser.waitForText("已开启本月进展填报");
        });

    steps.step(
        "医务部填报月度进展（进度落后）",
        () -> {
          logIn("tmedhead");
          inbox.open("填报月度进展", ITEM);
          browser.fill("完成进度（%）", "20");
          browser.fill("本月数值", "7.1");
          browser.fill("进展情况", "推进缓慢");
          browser.fill("存在的困难和问题", "信息系统改造滞后");
          inbox.submit();
          browser.open(itemPath[0]);
          assertThat(browser.waitForText("已填报")).contains("20%", "推进缓慢", "信息系统改造滞后");
        });

    steps.step(
        "督查室立即执行周督查，事项亮红灯",
        () -> {
          logIn("tducha");
          browser.clickLink("督查督办");
          browser.clickButton("立即执行周督查");
          browser.waitForText("周督查已开始");
          // the sweep's per-item jobs run in the background; the page shows its progress and
          // reloads
          // itself when it has ended (sweep-progress.js): nobody presses anything
          browser
              .waiting()
              .withMessage(() -> "the queue to reload itself with the red item")
              .until(d -> browser.text().contains(ITEM) && browser.text().contains("待研判"));
          browser.open(itemPath[0]);
          WebElement light = browser.find("//span[@id='item-light']");
          assertThat(light.getText()).isEqualTo("红灯");
          assertThat(light.getDomAttribute("class")).contains("light-red");
          assertThat(browser.text()).contains("序时进度");
        });

    String[] noticeNumber = new String[1];
    steps.step(
        "督查室研判并签发督办单",
        () -> {
          inbox.open("研判", ITEM);
          browser.choose("研判结论", "下发督办通知");
          browser.fill("督办要求", "两周内提交整改方案");
          inbox.submit();
          browser.clickLink("督查督办");
          String queue = browser.waitForText(ITEM, "待提交整改方案");
          Matcher number = Pattern.compile("督〔" + today.getYear() + "〕\\d+号").matcher(queue);
          assertThat(number.find()).as("a notice number on the office's queue: %s", queue).isTrue();
          noticeNumber[0] = number.group();
        });

    steps.step(
        "医务部提交整改方案",
        () -> {
          logIn("tmedhead");
          inbox.open("提交整改方案", ITEM);
          browser.fill("存在的问题", "信息系统改造滞后");
          browser.fill("原因及责任分析", "医务部主任负责，工程力量不足");
          browser.fill("整改措施", "增派工程师，每周调度");
          browser.fill("整改完成时限", calendar.addWorkingDays(today, 15).toString());
          inbox.submit();
        });

    steps.step(
        "督查室同意整改方案",
        () -> {
          logIn("tducha");
          inbox.open("审核整改方案", ITEM);
          // the whole plan is on the page the office decides on
          assertThat(browser.text()).contains("存在的问题", "原因及责任分析", "整改措施", "整改完成时限");
          browser.choose("审核结论", "同意整改方案");
          inbox.submit();
        });

    steps.step(
        "医务部上传佐证材料并提交整改佐证",
        () -> {
          logIn("tmedhead");
          browser.open(itemPath[0]);
          browser.waitForText("方案已通过，待提交佐证");
          Path pdf = Files.createTempDirectory("duban-e2e").resolve("整改报告.pdf");
          Files.writeString(pdf, "%PDF-1.4 整改报告", StandardCharsets.UTF_8);
          // the file is uploaded on the evidence step's own page, which comes back after the upload
          inbox.open("提交整改佐证", ITEM);
          browser
              .driver()
              .findElement(By.xpath("//form[contains(@class,'upload')]//input[@type='file']"))
              .sendKeys(pdf.toAbsolutePath().toString());
          browser.clickToNewPage("//form[contains(@class,'upload')]//button");
          browser.waitForText(pdf.getFileName().toString(), "提交整改佐证");
          browser.fill("整改佐证", "系统已上线，附运行报告");
          inbox.submit();
        });

    steps.step(
        "督查室核验销号",
        () -> {
          logIn("tducha");
          inbox.open("核验销号", ITEM);
          // the evidence files are listed, with a link, on the page the office signs off on
          assertThat(browser.find("//div[@id='evidence-files']//a").getText())
              .isEqualTo("整改报告.pdf");
          browser.choose("销号意见", "同意销号");
          browser.fill("核验意见", "整改到位，同意销号");
          inbox.submit();
          browser.clickLink("督查督办");
          assertThat(browser.waitForText("在办督办事项")).doesNotContain(ITEM);
        });

    steps.step(
        "事项页面记录全过程",
        () -> {
          browser.open(itemPath[0]);
          String page = browser.waitForText("办理记录");
          assertThat(page).contains(noticeNumber[0], "已销号", "整改到位，同意销号", "系统已上线，附运行报告", "整改报告.pdf");
          String record = browser.find("//div[contains(@class,'escalation')]").getText();
          assertThat(record).contains("测试督查 · " + today, "测试医务主任 · " + today);
          String timeline = browser.find("//div[@id='history']").getText();
          // every step of the story, in the order it happened
          assertThat(timeline)
              .containsSubsequence(
                  "下达至牵头部门",
                  "签署目标责任书",
                  "认领",
                  "分解子任务",
                  "子任务办结",
                  "填报月度进展",
                  "状态灯变化",
                  "进入督办",
                  "下发督办单",
                  noticeNumber[0],
                  "提交整改方案",
                  "整改方案通过",
                  "上传佐证材料",
                  "提交整改佐证",
                  "销号");
          // with who did it and the figures behind the light; the round reported on the month that
          // ended
          assertThat(timeline)
              .contains(
                  "规则 GAP_30",
                  java.time.YearMonth.from(today).minusMonths(1) + " 月度进展：完成 20%",
                  "平均住院日：7.1天（目标 ≤ 6.5天，未达标）",
                  "测试医务主任",
                  "测试医务干事",
                  "测试督查");
        });

    steps.step(
        "院领导在驾驶舱看到只有一个月的点",
        () -> {
          logIn("tleader");
          browser.open("/board");
          // one month of check-ins and one reading: each is a dot large enough to see (a line of
          // one point
          // draws nothing), the expected value a diamond, and the target's label sits inside the
          // plot
          String drawn =
              browser
                  .waiting()
                  .withMessage(() -> "the board's charts to be drawn")
                  .until(
                      d ->
                          (String)
                              ((org.openqa.selenium.JavascriptExecutor) d)
                                  .executeScript(
                                      "var p = document.getElementById('chart-progress'), c = document.querySelector('#chart-indicators .chart');"
                                          + "var pc = p && echarts.getInstanceByDom(p), ic = c && echarts.getInstanceByDom(c);"
                                          + "if (!pc || !ic) return null;"
                                          + "var ps = pc.getOption().series[0], is = ic.getOption().series;"
                                          + "return [ps.showSymbol, ps.symbolSize, is[0].symbolSize, is[1].symbol, is[0].markLine.label.position].join('|');"));
          assertThat(drawn).isEqualTo("true|12|12|diamond|insideEndTop");
        });
  }
}
