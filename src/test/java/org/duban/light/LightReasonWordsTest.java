package org.duban.light;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.duban.infrastructure.MessageText;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the shipped light decision (processes/item-light.dmn) has its reason in the bundles
 * ({@code lightReason.<rule>}) with the table's own Chinese words, so that the sweep stores the
 * reason as a key and readers of English get it in English; a reason worded otherwise would stay
 * Chinese.
 */
class LightReasonWordsTest {

  @Test
  void everyShippedRulesReasonIsInTheBundlesWordForWord() {
    DmnModelInstance dmn =
        Dmn.readModelFromFile(
            Path.of(System.getProperty("basedir", "."))
                .resolve("processes/item-light.dmn")
                .toFile());
    DecisionTable table = dmn.getModelElementsByType(DecisionTable.class).iterator().next();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    int ruleColumn = outputs.indexOf("rule");
    int reasonColumn = outputs.indexOf("reason");
    assertThat(table.getRules()).isNotEmpty();
    for (Rule rule : table.getRules()) {
      List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
      String code = unquoted(entries.get(ruleColumn).getText().getTextContent());
      String reason = unquoted(entries.get(reasonColumn).getText().getTextContent());
      assertThat(WeeklySupervisionService.reasonText(code, reason))
          .as("rule %s", code)
          .isEqualTo(MessageText.of("lightReason." + code));
      assertThat(MessageText.of("lightReason." + code).in(Locale.ENGLISH))
          .as("rule %s in English", code)
          .isNotEqualTo(reason)
          .doesNotContain("lightReason.");
    }
  }

  @Test
  void aReasonWordedOtherwiseIsKeptAsWritten() {
    assertThat(WeeklySupervisionService.reasonText("GAP_30", "管理员改写的原因")).isNull();
    assertThat(WeeklySupervisionService.reasonText("MY_RULE", "自定义规则")).isNull();
    assertThat(WeeklySupervisionService.reasonText(null, "无规则")).isNull();
  }

  private static String unquoted(String feel) {
    String text = feel.strip();
    return text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1)
        : text;
  }
}
