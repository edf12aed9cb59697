package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every entry of a decision table parsed and evaluated once: broken entries are named by rule and
 * column, wherever they sit in the table (a later column of a rule whose earlier entries would not
 * match, a rule after the first match); entries that are fine at run time are not refused.
 */
class DecisionEntryChecksTest {

  private final DecisionChecks checks = new DecisionChecks(new ModelMessages(messages()));

  @Test
  void everyBrokenEntryIsNamedWhereverItSits() throws IOException {
    // Given the last rule (never reached while an earlier one matches) broken in its first input
    // column, and the first rule in an output column
    String dmn = itemLight();
    int last = dmn.lastIndexOf("<rule ");
    String edited =
        dmn.substring(0, last)
            + dmn.substring(last).replaceFirst("<text>-</text>", "<text>&gt;= </text>");
    edited = edited.replace("<text>\"OVERDUE\"</text>", "<text>\"OVERDUE\" +</text>");

    List<ModelProblem> problems = check(edited);

    assertThat(problems)
        .extracting(ModelProblem::element)
        .containsExactlyInAnyOrder("ruleOverdue", lastRuleId(dmn));
    assertThat(problems)
        .extracting(ModelProblem::message)
        .anySatisfy(m -> assertThat(m).contains("第 1 条规则", "“规则”列", "\"OVERDUE\" +"))
        .anySatisfy(m -> assertThat(m).contains("第 11 条规则", "“序时进度(%)”列", ">="));
  }

  @Test
  void entriesOfEveryTypeThatRunFineAreNotRefused() {
    String dmn =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="typed" name="各类型">
            <decisionTable id="t" hitPolicy="COLLECT" aggregation="SUM">
              <input id="i1" label="文字"><inputExpression id="e1" typeRef="string"><text>kind</text></inputExpression></input>
              <input id="i2" label="整数"><inputExpression id="e2" typeRef="integer"><text>count</text></inputExpression></input>
              <input id="i3" label="长整数"><inputExpression id="e3" typeRef="long"><text>big</text></inputExpression></input>
              <input id="i4" label="小数"><inputExpression id="e4" typeRef="double"><text>ratio</text></inputExpression></input>
              <input id="i5" label="是否"><inputExpression id="e5" typeRef="boolean"><text>flag</text></inputExpression></input>
              <input id="i6" label="日期"><inputExpression id="e6" typeRef="date"><text>due</text></inputExpression></input>
              <output id="o1" label="分" name="points" typeRef="double" />
              <rule id="r1">
                <inputEntry id="a1"><text>"A","B"</text></inputEntry>
                <inputEntry id="a2"><text>[1..10]</text></inputEntry>
                <inputEntry id="a3"><text>&gt; 100</text></inputEntry>
                <inputEntry id="a4"><text>&lt;= 0.5</text></inputEntry>
                <inputEntry id="a5"><text>true</text></inputEntry>
                <inputEntry id="a6"><text>&lt; date and time("2030-01-01T00:00:00")</text></inputEntry>
                <outputEntry id="b1"><text>count * 2.5</text></outputEntry>
              </rule>
              <rule id="r2">
                <inputEntry id="c1"><text>not("C")</text></inputEntry>
                <inputEntry id="c2"><text>-</text></inputEntry>
                <inputEntry id="c3"><text></text></inputEntry>
                <inputEntry id="c4"><text>-</text></inputEntry>
                <inputEntry id="c5"><text>false</text></inputEntry>
                <inputEntry id="c6"><text>-</text></inputEntry>
                <outputEntry id="d1"><text>-1</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """;
    List<ModelProblem> problems = new ArrayList<>();
    checks.check("processes/typed.dmn", dmn.getBytes(StandardCharsets.UTF_8), Map.of(), problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void anEntryNamingAVariableTheCallerSuppliesIsNotRefused() {
    String dmn =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="limits" name="限额">
            <decisionTable id="t">
              <input id="i1" label="数量"><inputExpression id="e1" typeRef="integer"><text>count</text></inputExpression></input>
              <output id="o1" label="超限" name="over" typeRef="boolean" />
              <rule id="r1">
                <inputEntry id="a1"><text>&gt; limit</text></inputEntry>
                <outputEntry id="b1"><text>true</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """;
    List<ModelProblem> problems = new ArrayList<>();
    checks.check("processes/limits.dmn", dmn.getBytes(StandardCharsets.UTF_8), Map.of(), problems);
    assertThat(problems).isEmpty();
  }

  private static String lastRuleId(String dmn) {
    int last = dmn.lastIndexOf("<rule id=\"") + "<rule id=\"".length();
    return dmn.substring(last, dmn.indexOf('"', last));
  }

  private List<ModelProblem> check(String xml) {
    List<ModelProblem> problems = new ArrayList<>();
    checks.check(
        "processes/item-light.dmn", xml.getBytes(StandardCharsets.UTF_8), Map.of(), problems);
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
