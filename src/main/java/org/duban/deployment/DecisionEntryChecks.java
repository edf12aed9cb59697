package org.duban.deployment;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.UnaryTests;

/**
 * Every input and output entry of a decision table, parsed and evaluated once by the DMN engine
 * against typed sample inputs, so that a rule which would fail at run time (an entry the FEEL
 * engine cannot parse, a comparison of the wrong type) is refused at deploy instead of being found
 * by the next sweep.
 *
 * <p>The engine evaluates a table lazily: a rule's later input entries are not looked at once an
 * earlier one fails to match, and only matching rules' outputs are computed. So each entry is put
 * into a probe rule of its own, every other cell of which is empty (matches anything, yields
 * nothing), in a copy of the table whose inputs read sample values of their types instead of the
 * real input expressions, under the hit policy COLLECT: one evaluation of that copy computes every
 * entry. Only when it fails is each entry tried alone, to name every one that fails.
 */
final class DecisionEntryChecks {

  private static final String SAMPLE = "dubanSample";
  private static final Pattern IDENTIFIER = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");

  private final DmnEngine engine;
  private final ModelMessages messages;

  DecisionEntryChecks(DmnEngine engine, ModelMessages messages) {
    this.engine = engine;
    this.messages = messages;
  }

  /**
   * One cell of the table: the rule (0-based), the column (inputs first, then outputs) and its
   * text.
   */
  private record Cell(int rule, int column, String text) {}

  void check(String file, DmnModelInstance model, Decision decision, List<ModelProblem> problems) {
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    List<Rule> rules = new ArrayList<>(table.getRules());
    List<Cell> cells = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      List<InputEntry> inputEntries = new ArrayList<>(rules.get(r).getInputEntries());
      List<OutputEntry> outputEntries = new ArrayList<>(rules.get(r).getOutputEntries());
      for (int c = 0; c < inputEntries.size(); c++) {
        addCell(cells, r, c, inputEntries.get(c).getText());
      }
      for (int c = 0; c < outputEntries.size(); c++) {
        addCell(cells, r, inputs.size() + c, outputEntries.get(c).getText());
      }
    }
    if (cells.isEmpty() || evaluate(model, decision.getId(), cells).isEmpty()) {
      return;
    }
    String decisionName = decision.getName() == null ? decision.getId() : decision.getName();
    for (Cell cell : cells) {
      evaluate(model, decision.getId(), List.of(cell))
          .ifPresent(
              reason -> {
                Rule rule = rules.get(cell.rule());
                String column =
                    cell.column() < inputs.size()
                        ? label(
                            inputs.get(cell.column()).getLabel(), inputs.get(cell.column()).getId())
                        : label(
                            outputs.get(cell.column() - inputs.size()).getLabel(),
                            outputs.get(cell.column() - inputs.size()).getName());
                problems.add(
                    new ModelProblem(
                        file,
                        rule.getId(),
                        messages.get(
                            "model.check.dmn.entryFails",
                            decisionName,
                            String.valueOf(cell.rule() + 1),
                            rule.getId() == null ? "" : rule.getId(),
                            column,
                            cell.text().trim(),
                            reason)));
              });
    }
  }

  private static void addCell(List<Cell> cells, int rule, int column, Text text) {
    String content = text == null ? null : text.getTextContent();
    if (content != null && !content.isBlank() && !content.trim().equals("-")) {
      cells.add(new Cell(rule, column, content));
    }
  }

  /**
   * Evaluates a copy of the table made of one probe rule per cell; answers why it failed, if it
   * did.
   */
  private Optional<String> evaluate(
      DmnModelInstance original, String decisionId, List<Cell> cells) {
    DmnModelInstance copy = original.clone();
    Decision decision = copy.getModelElementById(decisionId);
    // the decisions it requires are checked on their own; here only this table is evaluated
    decision.getInformationRequirements().clear();
    DecisionTable table = (DecisionTable) decision.getExpression();
    table.setHitPolicy(HitPolicy.COLLECT);
    table.getDomElement().removeAttribute("aggregation");
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Rule> rules = new ArrayList<>(table.getRules());
    int outputs = table.getOutputs().size();
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      InputExpression expression = inputs.get(i).getInputExpression();
      if (expression == null || expression.getText() == null) {
        continue;
      }
      String typeRef = expression.getTypeRef();
      Object sample = sample(typeRef);
      String text = expression.getText().getTextContent();
      if (text != null && IDENTIFIER.matcher(text).matches()) {
        // output entries may name the inputs' variables
        variables.put(text.trim(), sample);
      }
      expression.getText().setTextContent(SAMPLE + i);
      expression.getDomElement().removeAttribute("expressionLanguage");
      variables.put(SAMPLE + i, sample);
    }
    table.getRules().clear();
    int n = 0;
    for (Cell cell : cells) {
      Rule source = rules.get(cell.rule());
      List<InputEntry> sourceInputs = new ArrayList<>(source.getInputEntries());
      List<OutputEntry> sourceOutputs = new ArrayList<>(source.getOutputEntries());
      Rule probe = copy.newInstance(Rule.class);
      probe.setId("dubanProbe" + n++);
      for (int i = 0; i < inputs.size(); i++) {
        InputEntry entry = copy.newInstance(InputEntry.class);
        fill(
            copy,
            entry,
            i == cell.column() && i < sourceInputs.size() ? sourceInputs.get(i) : null,
            n,
            "i" + i);
        probe.getInputEntries().add(entry);
      }
      for (int o = 0; o < outputs; o++) {
        OutputEntry entry = copy.newInstance(OutputEntry.class);
        int column = inputs.size() + o;
        fillOutput(
            copy,
            entry,
            column == cell.column() && o < sourceOutputs.size() ? sourceOutputs.get(o) : null,
            n,
            "o" + o);
        probe.getOutputEntries().add(entry);
      }
      table.getRules().add(probe);
    }
    try {
      DmnDecision parsed = engine.parseDecision(decisionId, copy);
      engine.evaluateDecisionTable(parsed, variables);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(ModelMessages.rootMessage(e)));
    }
  }

  /** An input cell: the source's text and expression language, or empty (matches anything). */
  private static void fill(
      DmnModelInstance copy, UnaryTests entry, UnaryTests source, int probe, String column) {
    entry.setId("dubanProbe" + probe + column);
    Text text = copy.newInstance(Text.class);
    text.setTextContent(source == null ? "" : source.getText().getTextContent());
    entry.setText(text);
    if (source != null && source.getExpressionLanguage() != null) {
      entry.setExpressionLanguage(source.getExpressionLanguage());
    }
  }

  /** An output cell: the source's text and expression language, or empty (no value). */
  private static void fillOutput(
      DmnModelInstance copy,
      LiteralExpression entry,
      LiteralExpression source,
      int probe,
      String column) {
    entry.setId("dubanProbe" + probe + column);
    Text text = copy.newInstance(Text.class);
    text.setTextContent(source == null ? "" : source.getText().getTextContent());
    entry.setText(text);
    if (source != null && source.getExpressionLanguage() != null) {
      entry.setExpressionLanguage(source.getExpressionLanguage());
    }
  }

  /** A value of the input's type, as the engine receives it from Duban or a process. */
  static Object sample(String typeRef) {
    if (typeRef == null) {
      return "sample";
    }
    return switch (typeRef) {
      case "integer" -> 1;
      case "long" -> 1L;
      case "double" -> 1.0d;
      case "boolean" -> Boolean.TRUE;
      case "date" -> new Date();
      default -> "sample";
    };
  }

  private static String label(String label, String fallback) {
    return label == null || label.isBlank() ? String.valueOf(fallback) : label;
  }
}
