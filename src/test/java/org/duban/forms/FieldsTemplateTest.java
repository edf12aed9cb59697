package org.duban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The fragment forms/fields :: fields, rendered by Spring's Thymeleaf engine (SpEL) as the app
 * does.
 */
class FieldsTemplateTest {

  private static final Map<String, List<FormOption>> OPTIONS =
      Map.of(
          "departmentOptions",
              List.of(FormOption.of("medical", "医务科"), FormOption.of("nursing", "护理部")),
          "ownerOptions", List.of(FormOption.of("zhangsan", "张三")));

  private static final SpringTemplateEngine ENGINE = engine();
  private final Forms forms = FormsTestSupport.forms();
  private final FormDefinition form = FormsTestSupport.allSupported();

  private static SpringTemplateEngine engine() {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolvers(Set.of(resolver("templates/", 1), resolver("forms-fixtures/", 2)));
    // as the app should configure it: spring.messages.fallback-to-system-locale=false
    ResourceBundleMessageSource messages = FormsTestSupport.messageSource();
    messages.setDefaultLocale(null);
    messages.setFallbackToSystemLocale(false);
    engine.setTemplateEngineMessageSource(messages);
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(String prefix, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(prefix);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  private String render(
      FormDefinition definition,
      Map<String, ?> values,
      Map<String, String> errors,
      Map<String, List<FormOption>> options) {
    MockServletContext servletContext = new MockServletContext();
    MockHttpServletRequest request =
        new MockHttpServletRequest(servletContext, "GET", "/duban/tasks/1");
    request.setContextPath("/duban");
    var exchange =
        JakartaServletWebApplication.buildApplication(servletContext)
            .buildExchange(request, new MockHttpServletResponse());
    WebContext context = new WebContext(exchange, Locale.SIMPLIFIED_CHINESE);
    context.setVariable("form", definition);
    context.setVariable("values", values);
    context.setVariable("errors", errors);
    context.setVariable("options", options);
    return ENGINE.process("page", context);
  }

  private Html renderAll(Map<String, ?> values, Map<String, String> errors) {
    return new Html(render(form, values, errors, OPTIONS));
  }

  private static String attr(Element e, String name) {
    return e.getAttributeValue(name);
  }

  // --- inputs and names ------------------------------------------------------------------------

  @Test
  void rendersAnInputOfTheRightKindForEveryField() {
    Html html = renderAll(null, null);

    assertThat(attr(html.control("name"), "type")).isEqualTo("text");
    assertThat(attr(html.control("email"), "type")).isEqualTo("email");
    assertThat(attr(html.control("phone"), "type")).isEqualTo("tel");
    assertThat(html.control("note").getElementName()).isEqualTo("textarea");
    assertThat(attr(html.control("amount"), "type")).isEqualTo("number");
    assertThat(attr(html.control("startDate"), "type")).isEqualTo("date");
    assertThat(attr(html.control("meetingTime"), "type")).isEqualTo("time");
    assertThat(attr(html.control("meetingAt"), "type")).isEqualTo("datetime-local");
    assertThat(attr(html.control("agree"), "type")).isEqualTo("checkbox");
    assertThat(html.controls("topics")).extracting(e -> attr(e, "type")).containsOnly("checkbox");
    assertThat(html.controls("topics"))
        .extracting(e -> attr(e, "value"))
        .containsExactly("a", "b", "c");
    assertThat(html.controls("decision")).extracting(e -> attr(e, "type")).containsOnly("radio");
    assertThat(html.control("priority").getElementName()).isEqualTo("select");
    assertThat(html.control("tags").hasAttribute("multiple")).isTrue();
  }

  @Test
  void putsTheRulesOnTheInputsAsBrowserHints() {
    Html html = renderAll(null, null);

    Element name = html.control("name");
    assertThat(name.hasAttribute("required")).isTrue();
    assertThat(attr(name, "minlength")).isEqualTo("2");
    assertThat(attr(name, "maxlength")).isEqualTo("10");
    assertThat(attr(html.control("note"), "maxlength")).isEqualTo("20");
    Element amount = html.control("amount");
    assertThat(attr(amount, "min")).isEqualTo("0");
    assertThat(attr(amount, "max")).isEqualTo("100");
    assertThat(attr(amount, "step")).isEqualTo("0.01");
    assertThat(attr(html.control("count"), "step")).isEqualTo("1");
    assertThat(attr(html.control("step"), "step")).isEqualTo("5");
    assertThat(attr(html.control("code"), "pattern")).isEqualTo(".*(?:^[A-Z]{3}\\d{2}$).*");
    assertThat(html.controls("decision")).allMatch(e -> e.hasAttribute("required"));
    assertThat(html.control("agree").hasAttribute("required")).isTrue();
    assertThat(html.control("email").hasAttribute("required")).isFalse();
    assertThat(html.control("email").hasAttribute("maxlength")).isFalse();
    assertThat(html.control("email").hasAttribute("pattern")).isFalse();
  }

  @Test
  void conditionallyHiddenFieldsAreMarkedButNotBrowserRequired() {
    Html html = renderAll(null, null);

    Element reason = html.control("rejectReason");
    assertThat(reason.hasAttribute("required")).isFalse();
    assertThat(html.all(e -> "=decision != &quot;reject&quot;".equals(attr(e, "data-hide"))))
        .hasSize(1);
    assertThat(html.control("detailNote").hasAttribute("required"))
        .as("inside a conditional group")
        .isFalse();
    assertThat(html.withClass("required-mark")).isNotEmpty();
  }

  @Test
  void disabledAndReadonlyFieldsAreRenderedSo() {
    Html html = renderAll(Map.of("locked", "原值", "frozen", "只读"), null);

    assertThat(html.control("locked").hasAttribute("disabled")).isTrue();
    assertThat(attr(html.control("locked"), "value")).isEqualTo("原值");
    assertThat(html.control("frozen").hasAttribute("readonly")).isTrue();
    assertThat(html.control("frozen").hasAttribute("disabled")).isFalse();
    assertThat(html.control("locked").hasAttribute("required")).isFalse();
  }

  @Test
  void everyControlHasALabelPointingAtIt() {
    Html html = renderAll(null, null);

    Set<String> labelled = new LinkedHashSet<>();
    html.tags("label").forEach(l -> labelled.add(attr(l, "for")));
    List<Element> controls = html.all(Html::isControl);
    assertThat(controls).isNotEmpty();
    for (Element control : controls) {
      assertThat(labelled).as("label for %s", attr(control, "name")).contains(attr(control, "id"));
    }
    for (String target : labelled) {
      assertThat(html.byId(target)).isNotNull();
    }
  }

  @Test
  void radiosAndChecklistsAreGroupedWithALegend() {
    Html html = renderAll(null, null);

    Element group = html.byId("f-decision");
    assertThat(group.getElementName()).isEqualTo("fieldset");
    assertThat(Html.text(Html.descendants(group, e -> e.getElementName().equals("legend")).get(0)))
        .startsWith("结论");
    assertThat(Html.descendants(group, e -> e.getElementName().equals("label")))
        .extracting(Html::text)
        .containsExactly("同意", "驳回");
  }

  // --- values ------------------------------------------------------------------------------------

  @Test
  void prefillsEveryKindOfValue() {
    Map<String, Object> values = new HashMap<>();
    values.put("name", "张三");
    values.put("note", "第一行\n第二行");
    values.put("amount", new BigDecimal("12.50"));
    values.put("count", 3L);
    values.put("startDate", LocalDate.of(2026, 6, 30));
    values.put("meetingTime", LocalTime.of(8, 30));
    values.put("meetingAt", LocalDateTime.of(2026, 6, 30, 14, 5));
    values.put("agree", Boolean.TRUE);
    values.put("topics", List.of("a", "c"));
    values.put("decision", "reject");
    values.put("department", "nursing");
    values.put("tags", List.of("y"));

    Html html = renderAll(values, null);

    assertThat(attr(html.control("name"), "value")).isEqualTo("张三");
    assertThat(Html.text(html.control("note"))).isEqualTo("第一行\n第二行");
    assertThat(attr(html.control("amount"), "value")).isEqualTo("12.50");
    assertThat(attr(html.control("count"), "value")).isEqualTo("3");
    assertThat(attr(html.control("startDate"), "value")).isEqualTo("2026-06-30");
    assertThat(attr(html.control("meetingTime"), "value")).isEqualTo("08:30");
    assertThat(attr(html.control("meetingAt"), "value")).isEqualTo("2026-06-30T14:05");
    assertThat(html.control("agree").hasAttribute("checked")).isTrue();
    assertThat(html.control("notify").hasAttribute("checked")).isFalse();
    assertThat(html.controls("topics"))
        .filteredOn(e -> e.hasAttribute("checked"))
        .extracting(e -> attr(e, "value"))
        .containsExactly("a", "c");
    assertThat(html.controls("decision"))
        .filteredOn(e -> e.hasAttribute("checked"))
        .extracting(e -> attr(e, "value"))
        .containsExactly("reject");
    assertThat(Html.descendants(html.control("department"), e -> e.hasAttribute("selected")))
        .extracting(e -> attr(e, "value"))
        .containsExactly("nursing");
    assertThat(Html.descendants(html.control("tags"), e -> e.hasAttribute("selected")))
        .extracting(e -> attr(e, "value"))
        .containsExactly("y");
  }

  @Test
  void aDateFromAProcessVariableIsShownAsADate() {
    Date planDueDate =
        Date.from(LocalDate.of(2026, 7, 1).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant());

    Html html = renderAll(Map.of("startDate", planDueDate, "meetingAt", planDueDate), null);

    assertThat(attr(html.control("startDate"), "value")).isEqualTo("2026-07-01");
    assertThat(attr(html.control("meetingAt"), "value")).isEqualTo("2026-07-01T09:00");
  }

  @Test
  void optionsOfAValuesKeyFieldComeFromTheOptionsMap() {
    Html html = renderAll(null, null);

    List<Element> options =
        Html.descendants(html.control("department"), e -> e.getElementName().equals("option"));
    assertThat(options).extracting(e -> attr(e, "value")).containsExactly("", "medical", "nursing");
    assertThat(options).extracting(Html::text).containsExactly("请选择", "医务科", "护理部");
  }

  @Test
  void aValuesKeyFieldWithoutOptionsRendersOnlyThePlaceholder() {
    Html html = new Html(render(form, null, null, null));

    assertThat(
            Html.descendants(html.control("department"), e -> e.getElementName().equals("option")))
        .extracting(e -> attr(e, "value"))
        .containsExactly("");
  }

  @Test
  void theDefaultValueIsShownWhenNoValueIsGiven() {
    assertThat(attr(renderAll(null, null).control("groupField"), "value")).isEqualTo("默认值");
    assertThat(attr(renderAll(Map.of("groupField", "给定"), null).control("groupField"), "value"))
        .isEqualTo("给定");
  }

  @Test
  void placeholdersInTextAreReplacedAndEscaped() {
    String page =
        render(
            form,
            Map.of("name", "<script>alert(1)</script>", "deadline", LocalDate.of(2026, 6, 30)),
            null,
            OPTIONS);

    assertThat(page).contains("你好，&lt;script&gt;alert(1)&lt;/script&gt;！<br>请在 2026-06-30 前填写。");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; 的第二段");
    assertThat(page).doesNotContain("<script>alert(1)");
    assertThat(new Html(page).withClass("form-text").get(0).getChildren()).hasSize(5);
  }

  @Test
  void valuesInAttributesAreEscaped() {
    String page = render(form, Map.of("name", "\"><script>x()</script>"), null, OPTIONS);

    assertThat(page).contains("value=\"&quot;&gt;&lt;script&gt;x()&lt;/script&gt;\"");
    assertThat(page).doesNotContain("<script>x()");
  }

  // --- errors -----------------------------------------------------------------------------------

  @Test
  void showsEachErrorBesideItsFieldAndMarksTheFieldInvalid() {
    Html html =
        renderAll(
            Map.of("items", List.of(Map.of("title", "太长的名字了"))),
            Map.of("name", "此项为必填", "decision", "请选择列表中的选项", "items[0].title", "最多 5 个字"));

    Element name = html.control("name");
    assertThat(attr(name, "aria-invalid")).isEqualTo("true");
    assertThat(attr(name, "aria-describedby")).isEqualTo("f-name-help f-name-error");
    Element error = html.byId("f-name-error");
    assertThat(Html.hasClass(error, "field-error")).isTrue();
    assertThat(Html.text(error)).isEqualTo("此项为必填");
    assertThat(Html.hasClass((Element) error.getParent(), "form-field")).isTrue();
    assertThat(Html.hasClass((Element) error.getParent(), "has-error")).isTrue();
    assertThat(Html.text(html.byId("f-decision-error"))).isEqualTo("请选择列表中的选项");
    assertThat(html.controls("decision")).allMatch(e -> "true".equals(attr(e, "aria-invalid")));
    assertThat(Html.text(html.byId("f-items-0-title-error"))).isEqualTo("最多 5 个字");
    assertThat(attr(html.control("items[0].title"), "aria-invalid")).isEqualTo("true");
    assertThat(html.withClass("field-error")).hasSize(3);
    assertThat(html.control("code").hasAttribute("aria-invalid")).isFalse();
    assertThat(attr(html.control("code"), "aria-describedby")).isNull();
  }

  @Test
  void aFailedSubmissionRendersAgainWithWhatTheUserTyped() {
    FormResult result =
        forms.validate(
            form, FormsTestSupport.params("name", "张", "amount", "十二"), OPTIONS, Locale.CHINA);

    Html html = renderAll(result.displayValues(), result.errors());

    assertThat(attr(html.control("name"), "value")).isEqualTo("张");
    assertThat(attr(html.control("amount"), "value")).isEqualTo("十二");
    assertThat(Html.text(html.byId("f-name-error"))).isEqualTo("至少 2 个字");
    assertThat(Html.text(html.byId("f-amount-error"))).isEqualTo("请输入数字");
  }

  // --- dynamic lists -------------------------------------------------------------------------

  @Test
  void dynamicListRowsUseIndexedParameterNames() {
    Html html =
        renderAll(
            Map.of(
                "items",
                List.of(Map.of("title", "甲", "qty", 2L), Map.of("title", "乙")),
                "readings",
                List.of(Map.of("indicator", "床位使用率", "value", 80L))),
            null);

    assertThat(attr(html.control("items[0].title"), "value")).isEqualTo("甲");
    assertThat(attr(html.control("items[0].qty"), "value")).isEqualTo("2");
    assertThat(attr(html.control("items[1].title"), "value")).isEqualTo("乙");
    assertThat(attr(html.control("items[1].title"), "id")).isEqualTo("f-items-1-title");
    assertThat(html.controls("items[2].title")).isEmpty();
    assertThat(attr(html.control("readings[0].indicator"), "value")).isEqualTo("床位使用率");
    assertThat(html.control("readings[0].indicator").hasAttribute("disabled")).isTrue();
    assertThat(attr(html.control("readings[0].value"), "value")).isEqualTo("80");
    List<Element> rows = html.withClass("dl-row");
    assertThat(rows)
        .extracting(e -> attr(e, "data-index"))
        .containsExactly("0", "1", "__index__", "0");
    assertThat(html.withClass("dl-row-label"))
        .extracting(Html::text)
        .containsExactly("第 1 项", "第 2 项", "第 __number__ 项", "第 1 项");
  }

  @Test
  void anAddRemoveListHasButtonsATemplateRowAndTheScript() {
    String page = render(form, null, null, OPTIONS);
    Html html = new Html(page);

    Element items = html.byId("f-items");
    assertThat(Html.hasClass(items, "dynamiclist")).isTrue();
    assertThat(attr(items, "data-path")).isEqualTo("items");
    assertThat(attr(items, "data-row-label")).isEqualTo("第 __number__ 项");
    assertThat(attr(items, "data-max-rows")).isEqualTo("200");
    Element template = Html.descendants(items, e -> e.getElementName().equals("template")).get(0);
    assertThat(Html.descendants(template, Html::isControl))
        .extracting(e -> attr(e, "name"))
        .containsExactly(
            "items[__index__].title", "items[__index__].qty", "items[__index__].owner");
    assertThat(Html.descendants(template, Html::isControl))
        .extracting(e -> attr(e, "id"))
        .containsExactly(
            "f-items-__index__-title", "f-items-__index__-qty", "f-items-__index__-owner");
    assertThat(Html.descendants(items, e -> Html.hasClass(e, "dl-add")))
        .extracting(Html::text)
        .containsExactly("添加一项");
    assertThat(Html.descendants(items, e -> Html.hasClass(e, "dl-remove"))).hasSize(2);
    assertThat(html.all(e -> "1".equals(attr(e, "data-index")))).isEmpty();
    assertThat(attr(html.control("items[0].title"), "value"))
        .as("one default repetition")
        .isEmpty();
    assertThat(html.tags("script"))
        .extracting(e -> attr(e, "src"))
        .containsExactly("/duban/js/dynamiclist.js");
  }

  @Test
  void aFixedListHasNoAddOrRemoveButtons() {
    Html html = renderAll(Map.of("readings", List.of(Map.of("indicator", "甲"))), null);

    Element readings = html.byId("f-readings");
    assertThat(Html.descendants(readings, e -> e.getElementName().equals("button"))).isEmpty();
    assertThat(Html.descendants(readings, e -> e.getElementName().equals("template"))).isEmpty();
  }

  // --- layout and the page -------------------------------------------------------------------

  @Test
  void componentsOfOneLayoutRowShareARowWithTheirWidths() {
    Html html = renderAll(null, null);

    Element row = (Element) html.control("name").getParent().getParent();
    assertThat(Html.hasClass(row, "form-row")).isTrue();
    assertThat(Html.descendants(row, Html::isControl))
        .extracting(e -> attr(e, "name"))
        .containsExactly("name", "code");
    assertThat(Html.hasClass((Element) html.control("name").getParent(), "cols-8")).isTrue();
  }

  @Test
  void theFragmentAddsNoFormTagOfItsOwn() throws IOException {
    Html html = renderAll(null, null);

    assertThat(html.tags("form")).hasSize(1);
    String source =
        Files.readString(
            Path.of(
                System.getProperty("basedir", "."),
                "src/main/resources/templates/forms/fields.html"));
    assertThat(source).doesNotContainPattern("(?i)<form[\\s>]");
  }

  static List<Path> realForms() throws IOException {
    return RealFormFilesTest.formFiles().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realForms")
  void everyRealFormRendersAControlForEachOfItsFields(Path file) throws IOException {
    FormDefinition real = forms.parse(file.getFileName().toString(), Files.readString(file));
    Map<String, Object> values =
        Map.of(
            "period",
            "2026-06",
            "readings",
            List.of(Map.of("indicatorName", "门诊量", "unit", "人次", "value", 1200L)),
            "subTasks",
            List.of(
                Map.of(
                    "title",
                    "制定方案",
                    "assignee",
                    "zhangsan",
                    "dueDate",
                    LocalDate.of(2026, 7, 31))));
    Map<String, List<FormOption>> options =
        Map.of(
            "departmentOptions", List.of(FormOption.of("medical", "医务科")),
            "assigneeOptions", List.of(FormOption.of("zhangsan", "张三")));

    Html html = new Html(render(real, values, null, options));

    for (FormComponent c : real.components()) {
      if (c.type().isField()) {
        assertThat(html.controls(c.key())).as(c.key()).isNotEmpty();
      } else if (c.type() == ComponentType.DYNAMICLIST) {
        for (FormComponent child : c.components()) {
          assertThat(html.controls(c.path() + "[0]." + child.key())).as(child.key()).hasSize(1);
        }
      }
    }
    assertThat(html.all(Html::isControl)).allMatch(e -> e.getAttributeValue("id") != null);
  }

  @Test
  void theCheckInHintShowsThePeriod() throws IOException {
    FormDefinition checkIn =
        forms.parse(
            "check-in", Files.readString(RealFormFilesTest.formsFolder().resolve("check-in.form")));

    String page = render(checkIn, Map.of("period", "2026-06"), null, null);

    assertThat(page).contains("请填报 2026-06 的工作进展。");
  }
}
