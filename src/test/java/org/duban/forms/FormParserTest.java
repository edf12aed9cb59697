package org.duban.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.forms.FormsTestSupport.allSupported;
import static org.duban.forms.FormsTestSupport.formWith;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormParserTest {

  private final Forms forms = FormsTestSupport.forms();

  private InvalidFormException refusal(String formId, String json) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> forms.parse(formId, json));
    assertThat(thrown).isInstanceOf(InvalidFormException.class);
    return (InvalidFormException) thrown;
  }

  private InvalidFormException refusal(String component) {
    return refusal("claim-item", formWith("claim-item", component));
  }

  // --- the model -----------------------------------------------------------------------------

  @Test
  void keepsComponentsInDocumentOrderWithTheirProperties() {
    FormDefinition form = allSupported();

    assertThat(form.id()).isEqualTo("all-supported");
    assertThat(form.components())
        .extracting(FormComponent::id)
        .startsWith("Text_greeting", "Field_name", "Field_code", "Field_email");
    FormComponent name = form.component("Field_name").orElseThrow();
    assertThat(name.type()).isEqualTo(ComponentType.TEXTFIELD);
    assertThat(name.key()).isEqualTo("name");
    assertThat(name.label()).isEqualTo("姓名");
    assertThat(name.description()).isEqualTo("请填写真实姓名");
    assertThat(name.validation()).isEqualTo(new Validation(true, null, null, 2, 10, null, null));
    assertThat(name.layoutRow()).isEqualTo("Row_2");
    assertThat(name.layoutColumns()).isEqualTo(8);
  }

  @Test
  void readsNumericRulesWrittenAsNumbersOrStrings() {
    FormDefinition form = allSupported();

    FormComponent amount = form.component("Field_amount").orElseThrow();
    assertThat(amount.validation().min()).isEqualByComparingTo("0");
    assertThat(amount.validation().max()).isEqualByComparingTo("100");
    assertThat(amount.decimalDigits()).isEqualTo(2);
    assertThat(form.component("Field_note").orElseThrow().validation().maxLength()).isEqualTo(20);
    assertThat(form.component("Field_step").orElseThrow().increment())
        .isEqualByComparingTo(new BigDecimal("5"));
  }

  @Test
  void readsPatternAndValidationTypes() {
    FormDefinition form = allSupported();

    assertThat(form.component("Field_code").orElseThrow().validation().pattern())
        .isEqualTo("^[A-Z]{3}\\d{2}$");
    assertThat(form.component("Field_code").orElseThrow().validation().validationType()).isNull();
    assertThat(form.component("Field_email").orElseThrow().validation().validationType())
        .isEqualTo(Validation.ValidationType.EMAIL);
    assertThat(form.component("Field_phone").orElseThrow().validation().validationType())
        .isEqualTo(Validation.ValidationType.PHONE);
  }

  @Test
  void readsStaticOptionsAndValuesKey() {
    FormDefinition form = allSupported();

    assertThat(form.component("Field_decision").orElseThrow().options())
        .containsExactly(new FormOption("approve", "同意"), new FormOption("reject", "驳回"));
    FormComponent department = form.component("Field_department").orElseThrow();
    assertThat(department.valuesKey()).isEqualTo("departmentOptions");
    assertThat(department.options()).isEmpty();
  }

  @Test
  void readsDatetimeSubtypesAndTheirLabels() {
    FormDefinition form = allSupported();

    FormComponent start = form.component("Field_startDate").orElseThrow();
    assertThat(start.subtype()).isEqualTo(DateSubtype.DATE);
    assertThat(start.label()).isEqualTo("开始日期");
    FormComponent time = form.component("Field_meetingTime").orElseThrow();
    assertThat(time.subtype()).isEqualTo(DateSubtype.TIME);
    assertThat(time.label()).isEqualTo("会议时间");
    assertThat(form.component("Field_meetingAt").orElseThrow().subtype())
        .isEqualTo(DateSubtype.DATETIME);
    FormComponent future = form.component("Field_futureDate").orElseThrow();
    assertThat(future.subtype()).as("form-js default subtype").isEqualTo(DateSubtype.DATE);
    assertThat(future.disallowPassedDates()).isTrue();
  }

  @Test
  void readsDisabledAndReadonly() {
    FormDefinition form = allSupported();

    assertThat(form.component("Field_locked").orElseThrow().disabled()).isTrue();
    assertThat(form.component("Field_frozen").orElseThrow().readonly()).isTrue();
    assertThat(form.component("Field_name").orElseThrow().isLocked()).isFalse();
  }

  @Test
  void nestsGroupsAndDynamicListsWithTheirChildren() {
    FormDefinition form = allSupported();

    FormComponent group = form.component("Group_details").orElseThrow();
    assertThat(group.type()).isEqualTo(ComponentType.GROUP);
    assertThat(group.components()).extracting(FormComponent::key).containsExactly("detailNote");
    FormComponent items = form.component("List_items").orElseThrow();
    assertThat(items.path()).isEqualTo("items");
    assertThat(items.allowAddRemove()).isTrue();
    assertThat(items.defaultRepetitions()).isEqualTo(1);
    assertThat(items.components())
        .extracting(FormComponent::key)
        .containsExactly("title", "qty", "owner");
    FormComponent readings = form.component("List_readings").orElseThrow();
    assertThat(readings.allowAddRemove()).isFalse();
    assertThat(readings.defaultRepetitions()).isZero();
    assertThat(form.fields())
        .extracting(FormComponent::key)
        .contains("detailNote", "title", "indicator");
  }

  @Test
  void readsTheSupportedHideConditions() {
    FormDefinition form = allSupported();

    assertThat(form.component("Field_rejectReason").orElseThrow().hide().expression())
        .isEqualTo("=decision != \"reject\"");
    assertThat(form.component("Field_extra").orElseThrow().hide().field()).isEqualTo("hasExtra");
    assertThat(form.component("Field_name").orElseThrow().hide()).isNull();
  }

  @Test
  void acceptsTheFileNameOrResourceNameAsFormId() {
    String json = formWith("claim-item", "{\"type\":\"separator\",\"id\":\"S\"}");

    assertThat(forms.parse("forms/claim-item.form", json).id()).isEqualTo("claim-item");
    assertThat(forms.parse("claim-item.form", json).id()).isEqualTo("claim-item");
    assertThat(forms.parse(null, json).id()).isEqualTo("claim-item");
  }

  @Test
  void theModelCannotBeChanged() {
    FormDefinition form = allSupported();

    assertThatThrownBy(() -> form.components().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> form.component("List_items").orElseThrow().components().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> form.component("Field_decision").orElseThrow().options().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- refusals --------------------------------------------------------------------------------

  @Test
  void refusesAnIframeWithTheMessageAdminsSee() {
    InvalidFormException e =
        refusal(
            "{\"type\":\"iframe\",\"id\":\"Field_1\",\"label\":\"外部页面\",\"url\":\"https://example.org\"}");

    assertThat(e.getMessage()).isEqualTo("表单 claim-item 的组件 Field_1（iframe）暂不支持");
    assertThat(e.formId()).isEqualTo("claim-item");
    assertThat(e.componentId()).isEqualTo("Field_1");
    assertThat(e.code()).isEqualTo("forms.invalid.unsupported");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "image",
        "iframe",
        "html",
        "table",
        "expression",
        "button",
        "filepicker",
        "documentPreview",
        "no-such-type"
      })
  void refusesEveryComponentTypeItCannotRender(String type) {
    InvalidFormException e =
        refusal("{\"type\":\"" + type + "\",\"id\":\"Field_x\",\"key\":\"x\"}");

    assertThat(e.getMessage()).isEqualTo("表单 claim-item 的组件 Field_x（" + type + "）暂不支持");
  }

  @Test
  void refusesAnUnsupportedComponentNestedInAGroup() {
    InvalidFormException e =
        refusal(
            """
                {"type":"group","id":"Group_1","label":"分组","components":[
                  {"type":"html","id":"Html_1","content":"<b>x</b>"}]}""");

    assertThat(e.getMessage()).isEqualTo("表单 claim-item 的组件 Html_1（html）暂不支持");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=amount > 3",
        "=a = \"x\" and b = \"y\"",
        "=contains(name, \"x\")",
        "a = \"x\"",
        "=a = 'x'",
        "=true",
        "=a = b"
      })
  void refusesHideConditionsItCannotEvaluate(String expression) {
    String json =
        "{\"type\":\"textfield\",\"id\":\"Field_2\",\"key\":\"y\",\"label\":\"乙\","
            + "\"conditional\":{\"hide\":"
            + new com.fasterxml.jackson.databind.node.TextNode(expression)
            + "}}";

    InvalidFormException e = refusal(json);

    assertThat(e.getMessage())
        .startsWith("表单 claim-item 的组件 Field_2 的显示条件“" + expression + "”暂不支持");
    assertThat(e.code()).isEqualTo("forms.invalid.feel");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=decision = \"dispute\"",
        "= decision != \"claim\"",
        "=flag",
        "=not(flag)",
        "=not( flag )"
      })
  void acceptsTheSimpleHideConditions(String expression) {
    String json =
        "{\"type\":\"textfield\",\"id\":\"Field_2\",\"key\":\"y\",\"label\":\"乙\","
            + "\"conditional\":{\"hide\":"
            + new com.fasterxml.jackson.databind.node.TextNode(expression)
            + "}}";

    FormDefinition form = forms.parse("claim-item", formWith("claim-item", json));

    assertThat(form.components().get(0).hide().expression()).isEqualTo(expression);
  }

  @Test
  void refusesJsonWithASyntaxErrorInChinese() {
    InvalidFormException e =
        refusal("claim-item", "{\n  \"id\": \"claim-item\",\n  \"components\": [ }\n");

    assertThat(e.getMessage()).startsWith("表单 claim-item 不是有效的 JSON：第 3 行");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void refusesDuplicateJsonPropertiesAndTrailingContent() {
    assertThat(
            refusal("claim-item", "{\"id\":\"claim-item\",\"id\":\"x\",\"components\":[]}")
                .getMessage())
        .contains("不是有效的 JSON");
    assertThat(refusal("claim-item", formWith("claim-item", "") + " {}").getMessage())
        .contains("不是有效的 JSON");
  }

  @Test
  void refusesAFormWhoseIdDiffersFromItsFileName() {
    InvalidFormException e = refusal("forms/claim-item.form", formWith("claimItem", ""));

    assertThat(e.getMessage())
        .isEqualTo("表单文件 claim-item 中的表单 id 为“claimItem”，应与文件名 claim-item 一致");
  }

  @Test
  void refusesAFormWithoutComponents() {
    assertThat(refusal("claim-item", "{\"id\":\"claim-item\"}").getMessage())
        .isEqualTo("表单 claim-item 缺少组件列表（components）");
    assertThat(refusal("claim-item", "[]").getMessage()).isEqualTo("表单 claim-item 的内容应为一个 JSON 对象");
  }

  @Test
  void refusesMissingAndDuplicateIdsAndKeys() {
    assertThat(refusal("{\"type\":\"textfield\",\"key\":\"a\",\"label\":\"甲\"}").getMessage())
        .isEqualTo("表单 claim-item 的第 1 个组件（textfield）缺少组件 id");
    assertThat(refusal("{\"type\":\"textfield\",\"id\":\"F\",\"label\":\"甲\"}").getMessage())
        .isEqualTo("表单 claim-item 的组件 F（textfield）缺少字段名（key）");
    assertThat(refusal("{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a.b\"}").getMessage())
        .contains("组件 F 的字段名“a.b”无效");
    assertThat(
            refusal(
                    "{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a\"},"
                        + "{\"type\":\"group\",\"id\":\"G\",\"components\":[{\"type\":\"number\",\"id\":\"N\",\"key\":\"a\"}]}")
                .getMessage())
        .isEqualTo("表单 claim-item 的组件 N 的字段名“a”与其他组件重复");
    assertThat(
            refusal("{\"type\":\"separator\",\"id\":\"S\"},{\"type\":\"spacer\",\"id\":\"S\"}")
                .getMessage())
        .isEqualTo("表单 claim-item 中有多个组件的 id 都是 S");
  }

  @Test
  void allowsTheSameKeyInADynamicListRowAndAtTheTop() {
    FormDefinition form =
        forms.parse(
            "claim-item",
            formWith(
                "claim-item",
                """
                {"type":"textfield","id":"T","key":"title"},
                {"type":"dynamiclist","id":"L","path":"rows","components":[{"type":"textfield","id":"R","key":"title"}]}
                """));

    assertThat(form.fields()).extracting(FormComponent::key).containsExactly("title", "title");
  }

  @Test
  void refusesFeelExpressionsInPropertiesItShowsOrChecks() {
    assertThat(
            refusal("{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a\",\"label\":\"=upper(x)\"}")
                .getMessage())
        .isEqualTo("表单 claim-item 的组件 F 的属性 label 使用了 FEEL 表达式，暂不支持，请填写固定的值");
    assertThat(
            refusal("{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a\",\"disabled\":\"=locked\"}")
                .code())
        .isEqualTo("forms.invalid.expression");
    assertThat(
            refusal(
                    "{\"type\":\"number\",\"id\":\"F\",\"key\":\"a\",\"validate\":{\"max\":\"=limit\"}}")
                .code())
        .isEqualTo("forms.invalid.expression");
    assertThat(
            refusal(
                    "{\"type\":\"select\",\"id\":\"F\",\"key\":\"a\",\"valuesExpression\":\"=opts\"}")
                .getMessage())
        .contains("valuesExpression");
    assertThat(refusal("{\"type\":\"text\",\"id\":\"T\",\"text\":\"=concat(a)\"}").code())
        .isEqualTo("forms.invalid.expression");
  }

  @Test
  void refusesTextTemplatesBeyondPlainVariableNames() {
    InvalidFormException e =
        refusal("{\"type\":\"text\",\"id\":\"T\",\"text\":\"{{#if x}}是{{/if}}\"}");

    assertThat(e.getMessage()).isEqualTo("表单 claim-item 的组件 T 的文本模板“{{#if x}}”暂不支持：只支持用双花括号引用变量名");
  }

  @Test
  void refusesRulesOnComponentsTheyDoNotApplyTo() {
    assertThat(
            refusal(
                    "{\"type\":\"textarea\",\"id\":\"F\",\"key\":\"a\",\"validate\":{\"pattern\":\"x\"}}")
                .getMessage())
        .isEqualTo("表单 claim-item 的组件 F（textarea）不能设置校验规则 pattern");
    assertThat(
            refusal("{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a\",\"validate\":{\"min\":1}}")
                .code())
        .isEqualTo("forms.invalid.ruleNotApplicable");
  }

  @Test
  void refusesInvalidPropertyValues() {
    assertThat(
            refusal(
                    "{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a\",\"validate\":{\"pattern\":\"([a-z\"}}")
                .getMessage())
        .isEqualTo("表单 claim-item 的组件 F 的正则表达式“([a-z”无效");
    assertThat(
            refusal("{\"type\":\"datetime\",\"id\":\"F\",\"key\":\"a\",\"subtype\":\"week\"}")
                .getMessage())
        .isEqualTo("表单 claim-item 的组件 F 的属性 subtype 的值“week”无效");
    assertThat(
            refusal(
                    "{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a\",\"validate\":{\"maxLength\":\"many\"}}")
                .code())
        .isEqualTo("forms.invalid.property");
    assertThat(
            refusal(
                    "{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a\",\"validate\":{\"validationType\":\"iban\"}}")
                .code())
        .isEqualTo("forms.invalid.property");
    assertThat(
            refusal("{\"type\":\"radio\",\"id\":\"F\",\"key\":\"a\",\"values\":[]}").getMessage())
        .isEqualTo("表单 claim-item 的组件 F（radio）没有设置选项");
  }

  @Test
  void refusesAGroupPathAndANestedDynamicList() {
    assertThat(
            refusal("{\"type\":\"group\",\"id\":\"G\",\"path\":\"address\",\"components\":[]}")
                .getMessage())
        .isEqualTo("表单 claim-item 的分组 G 设置了数据路径（path）“address”，暂不支持");
    assertThat(
            refusal(
                    """
                {"type":"dynamiclist","id":"Outer","path":"outer","components":[
                  {"type":"dynamiclist","id":"Inner","path":"inner","components":[]}]}""")
                .getMessage())
        .isEqualTo("表单 claim-item 的动态列表 Inner 嵌套在另一个动态列表中，暂不支持");
    assertThat(refusal("{\"type\":\"dynamiclist\",\"id\":\"L\",\"components\":[]}").code())
        .isEqualTo("forms.invalid.listPath");
  }

  @Test
  void refusalMessagesAreChineseEvenOnAnEnglishServer() {
    // FormsTestSupport's message source falls back to English, like a server with an English
    // default
    InvalidFormException e = refusal("{\"type\":\"image\",\"id\":\"Img\"}");

    assertThat(e.getMessage()).isEqualTo("表单 claim-item 的组件 Img（image）暂不支持");
  }
}
