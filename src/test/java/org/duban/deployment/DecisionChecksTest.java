package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The DMN rule of the checks before a deploy, on the real item-light.dmn and edits of it. */
class DecisionChecksTest {

  private static final Set<String> FACTS =
      Set.of(
          "expectedProgress",
          "reportedProgress",
          "progressGap",
          "daysSinceLastCheckIn",
          "missedCheckIns",
          "daysToDeadline",
          "overdueSubTasks",
          "indicatorsOffTrack");

  private final DecisionChecks checks = new DecisionChecks(new ModelMessages(messages()));

  @Test
  void theRealLightRulesPass() throws IOException {
    assertThat(check(itemLight(), Map.of("itemLight", FACTS))).isEmpty();
  }

  @Test
  void anExpressionOverKnownVariablesPassesAndOneOverAnUnknownIsNamed() throws IOException {
    String edited =
        itemLight()
            .replace("<text>progressGap</text>", "<text>expectedProgress - reportedProgress</text>")
            .replace(
                "<text>missedCheckIns</text>",
                "<text>if missedCheckIns > 0 then missedCheckIns else lateReports</text>");

    List<ModelProblem> problems = check(edited, Map.of("itemLight", FACTS));

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.element()).isEqualTo("missedCheckInsInput");
              assertThat(problem.message()).contains("未知变量“lateReports”");
            });
  }

  @Test
  void aDecisionDubanKnowsNothingOfIsCheckedForParsingAndTypesOnly() throws IOException {
    String edited = itemLight().replace("<text>missedCheckIns</text>", "<text>anything</text>");

    assertThat(check(edited, Map.of())).isEmpty();
  }

  @Test
  void aMissingInputExpressionIsNamed() throws IOException {
    String edited = itemLight().replace("<text>daysToDeadline</text>", "<text> </text>");

    assertThat(check(edited, Map.of("itemLight", FACTS)))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.element()).isEqualTo("daysToDeadlineInput");
              assertThat(problem.message()).contains("没有输入表达式");
            });
  }

  @Test
  void aTableTheEnginesParserRefusesIsRefused() throws IOException {
    // a rule with one input entry fewer than the table has inputs
    String xml = itemLight();
    int entry = xml.indexOf("<inputEntry id=\"ruleOverdueExpectedProgress\">");
    int end = xml.indexOf("</inputEntry>", entry) + "</inputEntry>".length();
    String edited = xml.substring(0, entry) + xml.substring(end);

    List<ModelProblem> problems = check(edited, Map.of("itemLight", FACTS));

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.resource()).isEqualTo("processes/item-light.dmn");
              assertThat(problem.message()).startsWith("决策引擎无法解析此 DMN 文件");
            });
  }

  @Test
  void variablesOfAnExpressionAreItsNamesLessKeywordsFunctionsPropertiesAndStrings() {
    assertThat(DecisionChecks.variablesIn("reportedProgress")).containsExactly("reportedProgress");
    assertThat(DecisionChecks.variablesIn("abs(progressGap) > 10 and item.stage = \"OPEN name\""))
        .containsExactly("progressGap", "item");
    assertThat(DecisionChecks.variablesIn("${daysToDeadline < 0}"))
        .containsExactly("daysToDeadline");
    assertThat(DecisionChecks.variablesIn("if x then 1e3 else null")).containsExactly("x");
  }

  private List<ModelProblem> check(String xml, Map<String, Set<String>> known) {
    List<ModelProblem> problems = new ArrayList<>();
    checks.check("processes/item-light.dmn", xml.getBytes(StandardCharsets.UTF_8), known, problems);
    return problems;
  }

  private static String itemLight() throws IOException {
    return Files.readString(Path.of("processes/item-light.dmn"), StandardCharsets.UTF_8);
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("i18n/messages", "i18n/modelchecks");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
