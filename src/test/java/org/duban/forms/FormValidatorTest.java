package org.duban.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.duban.forms.FormsTestSupport.CHINESE;
import static org.duban.forms.FormsTestSupport.params;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.MultiValueMap;

class FormValidatorTest {

  private static final Map<String, List<FormOption>> OPTIONS =
      Map.of(
          "departmentOptions",
              List.of(FormOption.of("medical", "医务科"), FormOption.of("nursing", "护理部")),
          "ownerOptions", List.of(FormOption.of("zhangsan", "张三"), FormOption.of("lisi", "李四")));

  private final Forms forms = FormsTestSupport.forms();
  private final FormDefinition form = FormsTestSupport.allSupported();

  /** The smallest valid submission of all-supported.form. */
  private static MultiValueMap<String, String> valid() {
    return params(
        "name",
        "张三",
        "startDate",
        "2026-06-30",
        "agree",
        "true",
        "topics",
        "a",
        "decision",
        "approve",
        "items[0].title",
        "甲");
  }

  private static MultiValueMap<String, String> valid(String... more) {
    MultiValueMap<String, String> params = valid();
    for (int i = 0; i < more.length; i += 2) {
      params.put(more[i], new java.util.ArrayList<>(List.of(more[i + 1])));
    }
    return params;
  }

  private FormResult validate(MultiValueMap<String, String> params) {
    return forms.validate(form, params, OPTIONS, CHINESE);
  }

  private String errorFor(String name, String value) {
    FormResult result = validate(valid(name, value));
    assertThat(result.errors()).containsOnlyKeys(name);
    return result.error(name);
  }

  // --- typed values --------------------------------------------------------------------------

  @Test
  void aValidSubmissionGivesTypedValues() {
    FormResult result =
        validate(
            valid(
                "code",
                "ABC12",
                "email",
                "a@b.cn",
                "note",
                "备注",
                "amount",
                "12.50",
                "count",
                "3",
                "meetingTime",
                "08:30",
                "meetingAt",
                "2026-06-30T14:05",
                "futureDate",
                "2026-06-15",
                "department",
                "nursing",
                "priority",
                "high",
                "decision",
                "reject",
                "rejectReason",
                "理由",
                "detailNote",
                "详情",
                "items[0].qty",
                "2",
                "items[0].owner",
                "lisi"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.isValid()).isTrue();
    Map<String, Object> v = result.values();
    assertThat(v.get("name")).isEqualTo("张三");
    assertThat(v.get("amount")).isEqualTo(new BigDecimal("12.50"));
    assertThat(v.get("count")).isEqualTo(3L);
    assertThat(v.get("startDate")).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(v.get("meetingTime")).isEqualTo(LocalTime.of(8, 30));
    assertThat(v.get("meetingAt")).isEqualTo(LocalDateTime.of(2026, 6, 30, 14, 5));
    assertThat(v.get("agree")).isEqualTo(Boolean.TRUE);
    assertThat(v.get("notify")).isEqualTo(Boolean.FALSE);
    assertThat(v.get("topics")).isEqualTo(List.of("a"));
    assertThat(v.get("tags")).isEqualTo(List.of());
    assertThat(v.get("department")).isEqualTo("nursing");
    assertThat(v.get("rejectReason")).isEqualTo("理由");
    assertThat(v.get("groupField")).as("empty optional field").isNull();
    assertThat(v).containsKey("groupField");
    assertThat(v.get("items")).isEqualTo(List.of(Map.of("title", "甲", "qty", 2L, "owner", "lisi")));
    assertThat(v.get("readings")).isEqualTo(List.of());
  }

  @Test
  void numbersAreLongWhenIntegralAndBigDecimalOtherwise() {
    assertThat(validate(valid("amount", "7")).value("amount")).isEqualTo(7L);
    assertThat(validate(valid("amount", "7.00")).value("amount")).isEqualTo(7L);
    assertThat(validate(valid("amount", "0.5")).value("amount")).isEqualTo(new BigDecimal("0.5"));
    assertThat(validate(valid("amount", "１２")).value("amount"))
        .as("full-width digits")
        .isEqualTo(12L);
    assertThat(validate(valid("amount", "")).value("amount")).isNull();
  }

  @Test
  void textIsTrimmedAndLineBreaksNormalized() {
    FormResult result = validate(valid("note", "  第一行\r\n第二行  "));

    assertThat(result.value("note")).isEqualTo("第一行\n第二行");
  }

  // --- required ----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"name", "startDate", "agree", "topics"})
  void aMissingRequiredFieldIsAnError(String name) {
    MultiValueMap<String, String> params = valid();
    params.remove(name);

    FormResult result = validate(params);

    assertThat(result.errors()).containsExactly(entry(name, "此项为必填"));
    assertThat(result.isValid()).isFalse();
  }

  @Test
  void aMissingRequiredRadioIsAnError() {
    MultiValueMap<String, String> params = valid();
    params.remove("decision");

    assertThat(validate(params).errors()).containsEntry("decision", "此项为必填");
  }

  @Test
  void blankTextDoesNotCountAsAnAnswer() {
    assertThat(errorFor("name", "   ")).isEqualTo("此项为必填");
    assertThat(errorFor("topics", "")).isEqualTo("此项为必填");
  }

  // --- text rules ----------------------------------------------------------------------------

  @Test
  void textShorterThanMinLengthIsAnError() {
    assertThat(errorFor("name", "张")).isEqualTo("至少 2 个字");
  }

  @Test
  void textLongerThanMaxLengthIsAnErrorCountingChineseCharacters() {
    assertThat(validate(valid("name", "一二三四五六七八九十")).errors()).isEmpty();
    assertThat(errorFor("name", "一二三四五六七八九十一")).isEqualTo("最多 10 个字");
    assertThat(errorFor("note", "x".repeat(21))).isEqualTo("最多 20 个字");
  }

  @Test
  void aLineBreakCountsAsOneCharacterAsInTheBrowser() {
    assertThat(validate(valid("note", "1234567890\r\n123456789")).errors()).isEmpty();
  }

  @Test
  void longLimitsAreWrittenWithoutGroupingSeparators() {
    FormDefinition report =
        forms.parse("sub-task-report", FormsTestSupport.classpath("forms/sub-task-report.form"));

    FormResult result =
        forms.validate(report, params("report", "字".repeat(2001)), Map.of(), CHINESE);

    assertThat(result.errors()).containsExactly(entry("report", "最多 2000 个字"));
  }

  @Test
  void textNotMatchingThePatternIsAnError() {
    assertThat(errorFor("code", "AB12")).isEqualTo("格式不正确");
    assertThat(validate(valid("code", "XYZ99")).errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhang.san@hospital.cn", "a+b@x.org"})
  void validEmailAddressesPass(String email) {
    assertThat(validate(valid("email", email)).errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhangsan", "a@", "a b@x.cn", "@x.cn"})
  void invalidEmailAddressesAreErrors(String email) {
    assertThat(errorFor("email", email)).isEqualTo("请输入有效的电子邮箱地址");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13812345678",
        "138 1234 5678",
        "010-12345678",
        "0571-87654321-123",
        "+8613812345678",
        "+49 30 664040900",
        "400-123-4567"
      })
  void validPhoneNumbersPass(String phone) {
    assertThat(validate(valid("phone", phone)).errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "1381234567", "23812345678", "phone", "8123"})
  void invalidPhoneNumbersAreErrors(String phone) {
    assertThat(errorFor("phone", phone)).isEqualTo("请输入有效的电话号码");
  }

  // --- numbers -------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "amount, abc, 请输入数字",
    "amount, 1e3, 请输入数字",
    "amount, '1,000', 请输入数字",
    "amount, -1, 不能小于 0",
    "amount, 100.01, 不能大于 100",
    "amount, 1.234, 最多保留 2 位小数",
    "count, 2.5, 请输入整数",
    "step, 7, 应为 5 的整数倍",
  })
  void numbersBreakingARuleAreErrors(String name, String value, String message) {
    assertThat(errorFor(name, value)).isEqualTo(message);
  }

  @Test
  void numbersOnTheLimitsPass() {
    assertThat(validate(valid("amount", "0", "step", "15")).errors()).isEmpty();
    assertThat(validate(valid("amount", "100.00")).errors()).isEmpty();
  }

  // --- dates -------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "startDate, 2026/06/30, 日期格式应为 2026-06-30",
    "startDate, 2026-02-30, 日期格式应为 2026-06-30",
    "startDate, 30.06.2026, 日期格式应为 2026-06-30",
    "meetingTime, 25:00, 时间格式应为 08:30",
    "meetingAt, 2026-06-30, 日期时间格式应为 2026-06-30 08:30",
    "futureDate, 2026-06-14, 不能早于今天",
  })
  void datesInTheWrongFormatOrRangeAreErrors(String name, String value, String message) {
    assertThat(errorFor(name, value)).isEqualTo(message);
  }

  @Test
  void aDatetimeMayUseASpaceInsteadOfT() {
    assertThat(validate(valid("meetingAt", "2026-06-30 08:30")).value("meetingAt"))
        .isEqualTo(LocalDateTime.of(2026, 6, 30, 8, 30));
  }

  // --- options -------------------------------------------------------------------------------

  @Test
  void aForgedRadioValueIsAnError() {
    FormResult result = validate(valid("decision", "maybe", "detailNote", "详情"));

    assertThat(result.errors()).containsExactly(entry("decision", "请选择列表中的选项"));
    assertThat(result.values()).doesNotContainKey("decision");
  }

  @Test
  void aForgedValueAmongChecklistValuesIsAnError() {
    MultiValueMap<String, String> params = valid();
    params.add("topics", "z");

    assertThat(validate(params).errors()).containsExactly(entry("topics", "请选择列表中的选项"));
  }

  @Test
  void checklistValuesArriveAsRepeatedParametersWithoutDuplicates() {
    MultiValueMap<String, String> params = valid();
    params.add("topics", "c");
    params.add("topics", "a");

    assertThat(validate(params).value("topics")).isEqualTo(List.of("a", "c"));
  }

  @Test
  void aStaticSelectAcceptsOnlyItsOptions() {
    assertThat(validate(valid("priority", "low")).value("priority")).isEqualTo("low");
    assertThat(errorFor("priority", "urgent")).isEqualTo("请选择列表中的选项");
    assertThat(errorFor("tags", "w")).isEqualTo("请选择列表中的选项");
  }

  @Test
  void aValuesKeySelectAcceptsOnlyTheDynamicOptionsGiven() {
    assertThat(validate(valid("department", "medical")).value("department")).isEqualTo("medical");
    assertThat(errorFor("department", "finance")).isEqualTo("请选择列表中的选项");
  }

  @Test
  void aValuesKeySelectWithoutDynamicOptionsAcceptsNoValue() {
    FormResult result = forms.validate(form, valid("department", "medical"), Map.of(), CHINESE);

    assertThat(result.error("department")).isEqualTo("请选择列表中的选项");
  }

  // --- locked and hidden fields ------------------------------------------------------------

  @Test
  void aDisabledFieldKeepsItsPrefilledValueWhateverTheRequestSays() {
    FormResult result =
        forms.validate(
            form,
            valid("locked", "改过的", "frozen", "改过的"),
            OPTIONS,
            Map.of("locked", "原值", "frozen", "只读原值"),
            CHINESE);

    assertThat(result.errors()).isEmpty();
    assertThat(result.value("locked")).isEqualTo("原值");
    assertThat(result.value("frozen")).isEqualTo("只读原值");
  }

  @Test
  void aDisabledFieldWithoutPrefilledValueIsLeftOutAndNotRequired() {
    FormResult result = validate(valid("locked", "改过的"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).doesNotContainKey("locked");
  }

  @Test
  void aHiddenFieldIsNeitherValidatedNorReturned() {
    FormResult result = validate(valid("decision", "approve", "rejectReason", "x".repeat(5000)));

    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).doesNotContainKeys("rejectReason", "detailNote", "extra");
  }

  @Test
  void aFieldShownByItsConditionIsValidated() {
    FormResult result = validate(valid("decision", "reject"));

    assertThat(result.errors())
        .containsOnly(entry("rejectReason", "此项为必填"), entry("detailNote", "此项为必填"));
  }

  @Test
  void aNotConditionFollowsTheCheckbox() {
    assertThat(validate(valid("hasExtra", "true")).errors())
        .containsExactly(entry("extra", "此项为必填"));
    assertThat(validate(valid("hasExtra", "true", "extra", "补充")).value("extra")).isEqualTo("补充");
  }

  @Test
  void conditionsMayReadPrefilledVariables() {
    FormDefinition conditional =
        forms.parse(
            "c",
            FormsTestSupport.formWith(
                "c",
                """
                {"type":"textfield","id":"F","key":"note","validate":{"required":true},
                 "conditional":{"hide":"=stage != \\"final\\""}}"""));

    assertThat(
            forms
                .validate(conditional, params(), Map.of(), Map.of("stage", "draft"), CHINESE)
                .errors())
        .isEmpty();
    assertThat(
            forms
                .validate(conditional, params(), Map.of(), Map.of("stage", "final"), CHINESE)
                .errors())
        .containsKey("note");
  }

  @Test
  void unknownParametersAreIgnored() {
    FormResult result = validate(valid("_csrf", "token", "evil", "x", "items[0].evil", "y"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).doesNotContainKeys("_csrf", "evil");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) result.value("items");
    assertThat(rows)
        .singleElement()
        .satisfies(row -> assertThat(row).containsOnlyKeys("title", "qty", "owner"));
  }

  // --- dynamic lists ---------------------------------------------------------------------------

  @Test
  void dynamicListRowsAreValidatedWithErrorsKeyedByRow() {
    FormResult result =
        validate(
            valid(
                "items[1].title",
                "",
                "items[1].qty",
                "0",
                "items[2].title",
                "六个字的名字",
                "items[2].owner",
                "wangwu"));

    assertThat(result.errors())
        .containsOnly(
            entry("items[1].title", "此项为必填"),
            entry("items[1].qty", "不能小于 1"),
            entry("items[2].title", "最多 5 个字"),
            entry("items[2].owner", "请选择列表中的选项"));
  }

  @Test
  void addRemoveRowsAreTakenInIndexOrderAndRenumbered() {
    MultiValueMap<String, String> params = valid();
    params.remove("items[0].title");
    params.add("items[7].title", "乙");
    params.add("items[3].title", "甲");
    params.add("items[7].qty", "x");

    FormResult result = validate(params);

    assertThat(result.errors())
        .as("errors name the rows as they will be shown again")
        .containsExactly(entry("items[1].qty", "请输入数字"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows =
        (List<Map<String, Object>>) result.displayValues().get("items");
    assertThat(rows).extracting(r -> r.get("title")).containsExactly("甲", "乙");
  }

  @Test
  void anAddRemoveListWithoutRowsIsAnEmptyList() {
    MultiValueMap<String, String> params = valid();
    params.remove("items[0].title");

    assertThat(validate(params).value("items")).isEqualTo(List.of());
  }

  @Test
  void anAddRemoveListRefusesMoreRowsThanTheLimit() {
    MultiValueMap<String, String> params = valid();
    for (int i = 1; i <= FormParser.MAX_ROWS; i++) {
      params.add("items[" + i + "].title", "行" + i);
    }

    FormResult result = validate(params);

    assertThat(result.errors()).containsExactly(entry("items", "最多 200 项"));
    assertThat((List<?>) result.value("items")).hasSize(FormParser.MAX_ROWS);
  }

  @Test
  void aFixedListHasThePrefilledRowsAndKeepsTheirDisabledValues() {
    List<Map<String, Object>> readings =
        List.of(
            Map.of("indicator", "床位使用率", "value", 80L), Map.of("indicator", "平均住院日", "value", 9L));

    FormResult result =
        forms.validate(
            form,
            valid(
                "readings[0].value",
                "85.5",
                "readings[0].indicator",
                "伪造",
                "readings[1].value",
                "",
                "readings[2].value",
                "1"),
            OPTIONS,
            Map.of("readings", readings),
            CHINESE);

    assertThat(result.errors()).containsExactly(entry("readings[1].value", "此项为必填"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) result.value("readings");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsExactly(entry("indicator", "床位使用率"), entry("value", new BigDecimal("85.5")));
    assertThat(rows.get(1)).containsEntry("indicator", "平均住院日");
  }

  @Test
  void aFixedListWithoutPrefilledRowsHasItsDefaultRepetitions() {
    FormResult result = validate(valid("readings[0].value", "1"));

    assertThat(result.value("readings")).isEqualTo(List.of());
  }

  // --- redisplay and locale --------------------------------------------------------------------

  @Test
  void displayValuesKeepWhatTheUserTypedWhereItWasInvalid() {
    FormResult result =
        validate(
            valid(
                "amount",
                "十二",
                "startDate",
                "2026-06-30",
                "decision",
                "approve",
                "rejectReason",
                "隐藏的理由"));

    assertThat(result.displayValues().get("amount")).isEqualTo("十二");
    assertThat(result.displayValues().get("startDate")).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(result.displayValues().get("rejectReason"))
        .as("hidden, but shown again")
        .isEqualTo("隐藏的理由");
    assertThat(result.values()).doesNotContainKeys("amount", "rejectReason");
  }

  @Test
  void messagesFollowTheRequestLocale() {
    MultiValueMap<String, String> params = valid("amount", "-1");
    params.remove("name");

    FormResult english = forms.validate(form, params, OPTIONS, Locale.ENGLISH);
    FormResult chinese = forms.validate(form, params, OPTIONS, Locale.CHINA);
    FormResult none = forms.validate(form, params, OPTIONS, null);

    assertThat(english.errors())
        .containsOnly(
            entry("name", "This field is required"), entry("amount", "Must not be less than 0"));
    assertThat(chinese.errors()).containsOnly(entry("name", "此项为必填"), entry("amount", "不能小于 0"));
    assertThat(none.errors()).isEqualTo(chinese.errors());
  }

  @Test
  void theResultCannotBeChanged() {
    FormResult result = validate(valid());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.values().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.errors().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
