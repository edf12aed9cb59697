package org.duban.itempage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.TestClock;
import org.duban.WebTestSupport;
import org.duban.checkin.CheckInService;
import org.duban.light.WeeklySupervisionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The item page explains its light: the rule that set it, the figures it used, and the lights
 * before.
 */
class LightExplainedWebTest extends WebTestSupport {

  static final Pattern LIGHT = Pattern.compile("(?i).*light.*");

  @Autowired WeeklySupervisionService supervision;
  @Autowired CheckInService checkIns;

  // Actuator adds its own handler mapping of the same type; the pages are in this one
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  static void setClock(LocalDateTime at) {
    TestClock.at(at);
  }

  @AfterEach
  void realTimeAgain() {
    TestClock.reset();
  }

  String page(Long itemId, String lang) throws Exception {
    return mvc.perform(get("/items/{id}", itemId).param("lang", lang).with(as("tmedhead")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theItemPageShowsTheCurrentLightItsRuleAndFiguresAndTheLightsBefore() throws Exception {
    // Given an item that has not been assessed
    setClock(LocalDateTime.of(2026, 4, 6, 9, 0));
    IssuedItem item = fixture.issuedItem("灯色解释页面");
    assertThat(page(item.itemId(), "zh_CN")).contains("红黄绿灯", "尚未评估");

    // When a weekly sweep runs before any round asked the item, Then it is not lit yet
    supervision.runToEnd("tducha");
    assertThat(page(item.itemId(), "zh_CN")).contains("尚未评估");

    // When, a week later and after two missed check-ins, another sweep runs
    setClock(LocalDateTime.of(2026, 4, 13, 9, 0));
    checkIns.recordMissed(item.itemId(), "2026-03");
    checkIns.recordMissed(item.itemId(), "2026-04");
    supervision.runToEnd("tducha");

    // Then the page shows the current light, the rule that set it, and every figure the rule used
    // (序时进度 runs from the item's issue to its deadline 200 days after: 7 of 200 days; it never
    // reported)
    String zh = page(item.itemId(), "zh_CN");
    assertThat(zh)
        .contains(
            "规则 MISSED_2",
            "两次及以上未按时填报月度进展",
            "评估于 2026-04-13 09:00",
            "序时进度 3%，填报进度 0%，差距 3，逾期子任务 0，指标偏离 0，距完成时限 193 天，未填报，漏报 2 次",
            "灯色由每周督查按规则");
    // And in English the same explanation is given in English
    assertThat(page(item.itemId(), "en"))
        .contains(
            "Rule MISSED_2",
            "Expected progress 3%, reported 0%, gap 3 points, overdue sub-tasks 0, indicators off track 0,"
                + " 193 days to the deadline, never reported, missed check-ins 2");

    // When the department reports a week later and the next sweep runs
    setClock(LocalDateTime.of(2026, 4, 20, 9, 0));
    checkIns.submit(item.itemId(), "2026-05", 10, java.util.Map.of(), "补报进展", null, "tmedhead");
    supervision.runToEnd("tducha");

    // Then the current light counts the days since that report, and the lights before follow it,
    // each with its rule
    zh = page(item.itemId(), "zh_CN");
    assertThat(zh)
        .contains(
            "规则 ON_PLAN", "序时进度 7%，填报进度 10%，差距 -3，逾期子任务 0，指标偏离 0，距完成时限 186 天，距上次填报 0 天，漏报 0 次");
    int green = zh.indexOf(">ON_PLAN</td>");
    int red = zh.indexOf(">MISSED_2</td>");
    assertThat(green).isPositive();
    assertThat(red).isGreaterThan(green);
  }

  @Test
  void noRequestHandlerTakesALight() {
    // Given every request handler of the application
    List<String> offending = new ArrayList<>();
    handlerMapping
        .getHandlerMethods()
        .forEach((mapping, handler) -> offending.addAll(lightParameters(handler)));

    // Then none has a request parameter, path variable or form-backing property for a light
    assertThat(handlerMapping.getHandlerMethods()).isNotEmpty();
    assertThat(offending).isEmpty();
  }

  @Test
  void noTaskFormHasALightField() throws IOException {
    // Given every Camunda form a user task shows, Then none asks for a light
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      List<Path> files = forms.filter(p -> p.toString().endsWith(".form")).toList();
      assertThat(files).isNotEmpty();
      for (Path form : files) {
        assertThat(Files.readString(form))
            .as(form.toString())
            .doesNotContainPattern("\"key\"\\s*:\\s*\"[^\"]*(?i:light)");
      }
    }
  }

  private static List<String> lightParameters(HandlerMethod handler) {
    List<String> found = new ArrayList<>();
    for (MethodParameter parameter : handler.getMethodParameters()) {
      parameter.initParameterNameDiscovery(
          new org.springframework.core.DefaultParameterNameDiscoverer());
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
      String name =
          param != null && !param.name().isEmpty()
              ? param.name()
              : path != null && !path.name().isEmpty() ? path.name() : parameter.getParameterName();
      if ((param != null || path != null) && name != null && LIGHT.matcher(name).matches()) {
        found.add(handler + " " + name);
      }
      Class<?> type = parameter.getParameterType();
      if (type.getName().startsWith("org.duban.") && !type.isEnum()) {
        // a form-backing object: Spring binds any request parameter to its writable properties
        for (var property : BeanUtils.getPropertyDescriptors(type)) {
          if (property.getWriteMethod() != null && LIGHT.matcher(property.getName()).matches()) {
            found.add(handler + " " + type.getSimpleName() + "." + property.getName());
          }
        }
      }
    }
    return found;
  }
}
