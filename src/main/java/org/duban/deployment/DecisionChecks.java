package org.duban.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputExpression;

/**
 * The checks of a DMN file before a deploy. The rule for inputs:
 *
 * <ol>
 *   <li>the file must parse with the engine's DMN parser (as the engine would at deploy);
 *   <li>every input of a decision table has an input expression with text, and a type the engine
 *       knows: {@code string}, {@code boolean}, {@code integer}, {@code long}, {@code double} or
 *       {@code date};
 *   <li>where Duban knows what variables the decision receives, every variable its input
 *       expressions use must be one of them (an input expression is a variable name, or an
 *       expression over variable names). Known are: the variables Duban supplies to it ({@link
 *       DecisionInputs}, e.g. {@code itemLight}'s facts), the input parameters ({@code
 *       camunda:inputParameter}) of the business rule tasks in {@code processes/} that call it, and
 *       the variables those tasks' processes set visibly in the model (output parameters, result
 *       variables, multi-instance element variables, form fields). A decision that is neither
 *       supplied by Duban nor called from a process of the bundle gets rules 1, 2 and 4 only.
 *   <li>every input and output entry of every rule is parsed and evaluated once by the engine's
 *       expression language against a sample value of each input's type ({@link
 *       DecisionEntryChecks}): an entry such as {@code < 100 and (} is refused naming the rule and
 *       the column, not found failing by the next sweep.
 * </ol>
 */
final class DecisionChecks {

  static final Set<String> TYPES = Set.of("string", "boolean", "integer", "long", "double", "date");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STRING_LITERAL =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "not",
          "if",
          "then",
          "else",
          "true",
          "false",
          "null",
          "in",
          "between",
          "some",
          "every",
          "satisfies",
          "for",
          "return",
          "instance",
          "of",
          "function",
          "empty",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "div",
          "mod");

  private static volatile DmnEngine dmnEngine;

  private final ModelMessages messages;

  DecisionChecks(ModelMessages messages) {
    this.messages = messages;
  }

  /**
   * @param known the variables known per decision key; a key absent from it is a decision of which
   *     Duban knows nothing (rules 1 and 2 only)
   */
  void check(
      String name, byte[] bytes, Map<String, Set<String>> known, List<ModelProblem> problems) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      problems.add(
          new ModelProblem(
              name, null, messages.get("model.dmn.unreadable", ModelMessages.rootMessage(e))));
      return;
    }
    try {
      engine().parseDecisionRequirementsGraph(model);
    } catch (RuntimeException e) {
      problems.add(
          new ModelProblem(
              name,
              null,
              messages.get("model.check.dmn.engineRefused", ModelMessages.rootMessage(e))));
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!(decision.getExpression() instanceof DecisionTable table)) {
        continue;
      }
      String decisionName = decision.getName() == null ? decision.getId() : decision.getName();
      Set<String> variables = known.get(decision.getId());
      int problemsBefore = problems.size();
      for (Input input : table.getInputs()) {
        String inputName = input.getLabel() == null ? input.getId() : input.getLabel();
        InputExpression expression = input.getInputExpression();
        String text =
            expression == null || expression.getText() == null
                ? null
                : expression.getText().getTextContent();
        if (text == null || text.isBlank()) {
          problems.add(
              new ModelProblem(
                  name,
                  input.getId(),
                  messages.get("model.check.dmn.noInputExpression", decisionName, inputName)));
          continue;
        }
        String typeRef = expression.getTypeRef();
        if (typeRef == null || !TYPES.contains(typeRef)) {
          problems.add(
              new ModelProblem(
                  name,
                  input.getId(),
                  messages.get(
                      "model.check.dmn.typeRef",
                      decisionName,
                      inputName,
                      typeRef == null ? "" : typeRef)));
        }
        if (variables != null) {
          for (String variable : variablesIn(text)) {
            if (!variables.contains(variable)) {
              problems.add(
                  new ModelProblem(
                      name,
                      input.getId(),
                      messages.get(
                          "model.check.dmn.unknownVariable",
                          decisionName,
                          inputName,
                          text.trim(),
                          variable,
                          String.join("、", new TreeSet<>(variables)))));
            }
          }
        }
      }
      if (problems.size() == problemsBefore) {
        // rule 4: with its inputs in order, every entry must parse and evaluate
        new DecisionEntryChecks(engine(), messages).check(name, model, decision, problems);
      }
    }
  }

  /**
   * The variable names an input expression uses: its identifiers outside string literals, less
   * keywords, function names (followed by a parenthesis) and properties (after a dot).
   */
  static Collection<String> variablesIn(String expression) {
    String text = STRING_LITERAL.matcher(expression).replaceAll(" ");
    List<String> names = new ArrayList<>();
    Matcher matcher = IDENTIFIER.matcher(text);
    while (matcher.find()) {
      String name = matcher.group();
      int before = matcher.start() - 1;
      while (before >= 0 && Character.isWhitespace(text.charAt(before))) before--;
      int after = matcher.end();
      while (after < text.length() && Character.isWhitespace(text.charAt(after))) after++;
      boolean property = before >= 0 && text.charAt(before) == '.';
      boolean function = after < text.length() && text.charAt(after) == '(';
      boolean number = before >= 0 && Character.isDigit(text.charAt(before));
      if (!property && !function && !number && !KEYWORDS.contains(name) && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * A DMN engine of the default configuration: the same FEEL (the Scala FEEL engine) as the process
   * engine's, but without its listeners, which write history and metrics for every evaluation; the
   * checks evaluate tables and must change nothing.
   */
  private static DmnEngine engine() {
    DmnEngine engine = dmnEngine;
    if (engine == null) {
      synchronized (DecisionChecks.class) {
        engine = dmnEngine;
        if (engine == null) {
          engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
          dmnEngine = engine;
        }
      }
    }
    return engine;
  }
}
