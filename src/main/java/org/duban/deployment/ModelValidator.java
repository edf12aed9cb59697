package org.duban.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.duban.calendar.engine.WorkingDayCalendars;
import org.duban.calendar.engine.WorkingDayCalendars.TimerKind;
import org.duban.forms.FormComponent;
import org.duban.forms.FormDefinition;
import org.duban.forms.Forms;
import org.duban.forms.InvalidFormException;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.duban.org.Role;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks a bundle before it reaches the engine, so that an admin's mistake is reported in plain
 * words and the running version stays: forms must parse and use only what Duban can show, every
 * user task must name a form of the bundle, every process must say how long its history is kept; a
 * delegate expression {@code ${name}} must name a bean of the app; a literal candidate group must
 * be a role's or an active department's group (or {@code camunda-admin}); a timer's literal text
 * must parse as the engine's calendars parse it; a decision table must pass {@link DecisionChecks}.
 * Expressions ({@code ${...}}) in conditions, timers, delegates, task assignment and parameters are
 * computed at run time; here they are compiled by the engine's expression manager ({@link
 * EngineExpressions}), so that a syntax error is refused at deploy.
 */
@Component
class ModelValidator {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ADMIN_GROUP = "camunda-admin";

  private static final Pattern BEAN_EXPRESSION =
      Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

  private final Forms forms;
  private final ModelMessages messages;
  private final BeanFactory beans;
  private final DepartmentRepository departments;
  private final WorkingDayCalendars calendars;
  private final List<DecisionInputs> decisionInputs;
  private final DecisionChecks decisions;
  private final EngineExpressions expressions;

  /**
   * Attributes of the Camunda namespace whose value, when it holds {@code ${...}}, is an
   * expression.
   */
  private static final java.util.Set<String> EXPRESSION_ATTRIBUTES =
      java.util.Set.of(
          "expression",
          "collection",
          "assignee",
          "candidateUsers",
          "candidateGroups",
          "dueDate",
          "followUpDate",
          "priority",
          "decisionRef",
          "calledElementVersion",
          "caseRef");

  ModelValidator(
      Forms forms,
      MessageSource messages,
      BeanFactory beans,
      DepartmentRepository departments,
      WorkingDayCalendars calendars,
      List<DecisionInputs> decisionInputs,
      EngineExpressions expressions) {
    this.forms = forms;
    this.messages = new ModelMessages(messages);
    this.beans = beans;
    this.departments = departments;
    this.calendars = calendars;
    this.decisionInputs = decisionInputs;
    this.decisions = new DecisionChecks(this.messages);
    this.expressions = expressions;
  }

  List<ModelProblem> problems(ModelBundle bundle) {
    List<ModelProblem> problems = new ArrayList<>();
    Map<String, FormDefinition> formsById = new HashMap<>();
    for (Map.Entry<String, byte[]> form : bundle.forms().entrySet()) {
      String json = new String(form.getValue(), StandardCharsets.UTF_8);
      try {
        FormDefinition definition = forms.parse(form.getKey(), json);
        formsById.put(definition.id(), definition);
      } catch (InvalidFormException e) {
        problems.add(new ModelProblem(form.getKey(), e.componentId(), e.getMessage()));
      }
    }
    Groups groups = new Groups();
    Map<String, Set<String>> decisionVariables = new HashMap<>();
    decisionInputs.forEach(
        d ->
            decisionVariables
                .computeIfAbsent(d.decisionKey(), k -> new TreeSet<>())
                .addAll(d.variables()));
    bundle
        .resources()
        .forEach(
            (name, bytes) -> {
              if (name.endsWith(".bpmn")) {
                checkProcess(name, bytes, formsById, groups, decisionVariables, problems);
              }
            });
    bundle
        .resources()
        .forEach(
            (name, bytes) -> {
              if (name.endsWith(".dmn")) {
                decisions.check(name, bytes, decisionVariables, problems);
              }
            });
    return problems;
  }

  /**
   * The engine's own refusal of a bundle that passed these checks, in the same terms: file and
   * element where the engine names them, else the bundle.
   */
  List<ModelProblem> refusedByEngine(ProcessEngineException refusal) {
    List<ModelProblem> problems = new ArrayList<>();
    if (refusal instanceof ParseException parse) {
      for (ResourceReport report : parse.getResorceReports()) {
        for (Problem error : report.getErrors()) {
          problems.add(
              new ModelProblem(
                  report.getResourceName(),
                  error.getMainElementId(),
                  messages.get("model.engine.refused", error.getMessage())));
        }
      }
    }
    if (problems.isEmpty()) {
      problems.add(
          new ModelProblem(
              ModelDeployer.DEPLOYMENT_NAME,
              null,
              messages.get("model.engine.refused", ModelMessages.rootMessage(refusal))));
    }
    return problems;
  }

  private void checkProcess(
      String name,
      byte[] bytes,
      Map<String, FormDefinition> formsById,
      Groups groups,
      Map<String, Set<String>> decisionVariables,
      List<ModelProblem> problems) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      problems.add(
          new ModelProblem(
              name, null, messages.get("model.bpmn.unreadable", messages.unreadableXml(e))));
      return;
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(
            new ModelProblem(
                name, process.getId(), messages.get("model.bpmn.noHistoryTimeToLive")));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      if (formRef == null) {
        problems.add(new ModelProblem(name, task.getId(), messages.get("model.bpmn.noFormRef")));
      } else if (!formsById.containsKey(formRef)) {
        problems.add(
            new ModelProblem(name, task.getId(), messages.get("model.bpmn.unknownForm", formRef)));
      }
    }
    walk(
        model.getDocument().getRootElement(), name, formsById, groups, decisionVariables, problems);
  }

  /** Every element of the file, listeners and timers included, in document order. */
  private void walk(
      DomElement element,
      String name,
      Map<String, FormDefinition> formsById,
      Groups groups,
      Map<String, Set<String>> decisionVariables,
      List<ModelProblem> problems) {
    // camunda:delegateExpression on tasks and events; plain delegateExpression on camunda:*Listener
    String delegate =
        CAMUNDA_NS.equals(element.getNamespaceURI())
            ? element.getAttribute("delegateExpression")
            : element.getAttribute(CAMUNDA_NS, "delegateExpression");
    if (delegate != null) {
      if (compiles(name, element, "delegateExpression", delegate, problems)) {
        checkDelegate(name, element, delegate, problems);
      }
    }
    checkExpressions(name, element, problems);
    String candidateGroups = element.getAttribute(CAMUNDA_NS, "candidateGroups");
    if (candidateGroups != null) {
      checkGroups(name, element, candidateGroups, groups, problems);
    }
    if (BPMN_NS.equals(element.getNamespaceURI())) {
      switch (element.getLocalName()) {
        case "timeDate" -> checkTimer(name, element, TimerKind.TIME_DATE, problems);
        case "timeDuration" -> checkTimer(name, element, TimerKind.TIME_DURATION, problems);
        case "timeCycle" -> checkTimer(name, element, TimerKind.TIME_CYCLE, problems);
        case "businessRuleTask" -> collectDecisionVariables(element, formsById, decisionVariables);
        default -> {}
      }
    }
    for (DomElement child : element.getChildElements()) {
      walk(child, name, formsById, groups, decisionVariables, problems);
    }
  }

  private void checkDelegate(
      String name, DomElement element, String expression, List<ModelProblem> problems) {
    Matcher bean = BEAN_EXPRESSION.matcher(expression);
    if (bean.matches() && !beans.containsBean(bean.group(1))) {
      problems.add(
          new ModelProblem(
              name,
              elementId(element),
              messages.get(
                  "model.check.delegate.noBean",
                  expression.trim(),
                  bean.group(1),
                  where(element))));
    }
  }

  /**
   * The expressions of an element other than delegates and timers: a sequence flow's condition, a
   * conditional event's condition, a multi-instance loop's cardinality and completion condition
   * (each unless written in a script language), the Camunda attributes that take an expression
   * (task assignment, collections, called decisions), and input/output parameters given as text.
   */
  private void checkExpressions(String name, DomElement element, List<ModelProblem> problems) {
    String local = element.getLocalName();
    if (BPMN_NS.equals(element.getNamespaceURI())) {
      if (("conditionExpression".equals(local)
              || "condition".equals(local)
              || "completionCondition".equals(local)
              || "loopCardinality".equals(local))
          && element.getAttribute("language") == null) {
        String text = element.getTextContent() == null ? "" : element.getTextContent().trim();
        if (isExpression(text)) {
          compiles(name, element, local, text, problems);
        }
      }
      for (String attribute : EXPRESSION_ATTRIBUTES) {
        String value = element.getAttribute(CAMUNDA_NS, attribute);
        if (value != null && isExpression(value)) {
          compiles(name, element, "camunda:" + attribute, value, problems);
        }
      }
    } else if (CAMUNDA_NS.equals(element.getNamespaceURI())
        && ("inputParameter".equals(local)
            || "outputParameter".equals(local)
            || "expression".equals(local))
        && element.getChildElements().isEmpty()) {
      String text = element.getTextContent() == null ? "" : element.getTextContent().trim();
      if (isExpression(text)) {
        String what =
            "expression".equals(local)
                ? "camunda:expression"
                : "camunda:" + local + " " + element.getAttribute("name");
        compiles(name, element, what, text, problems);
      }
    }
  }

  /** Whether the expression compiles with the engine's expression manager; if not, says so. */
  private boolean compiles(
      String name,
      DomElement element,
      String what,
      String expression,
      List<ModelProblem> problems) {
    java.util.Optional<String> problem = expressions.problemWith(expression);
    problem.ifPresent(
        reason ->
            problems.add(
                new ModelProblem(
                    name,
                    elementId(element),
                    messages.get(
                        "model.check.expression.unparseable", what, expression.trim(), reason))));
    return problem.isEmpty();
  }

  private void checkGroups(
      String name,
      DomElement element,
      String candidateGroups,
      Groups groups,
      List<ModelProblem> problems) {
    if (isExpression(candidateGroups)) {
      return;
    }
    for (String group : candidateGroups.split(",")) {
      String id = group.trim();
      if (id.isEmpty() || groups.roles.contains(id) || ADMIN_GROUP.equals(id)) {
        continue;
      }
      Department department = groups.departments().get(id);
      if (department == null) {
        problems.add(
            new ModelProblem(
                name,
                elementId(element),
                messages.get(
                    "model.check.group.unknown",
                    id,
                    String.join("、", groups.roles),
                    Department.GROUP_PREFIX)));
      } else if (!department.isActive()) {
        problems.add(
            new ModelProblem(
                name,
                elementId(element),
                messages.get("model.check.group.inactiveDepartment", id, department.getName())));
      }
    }
  }

  private void checkTimer(
      String name, DomElement element, TimerKind kind, List<ModelProblem> problems) {
    String text = element.getTextContent() == null ? "" : element.getTextContent().trim();
    // named by the event that holds the timer, as Modeler shows it
    DomElement definition = element.getParentElement();
    DomElement event =
        definition == null || definition.getParentElement() == null
            ? element
            : definition.getParentElement();
    if (isExpression(text)) {
      // computed at run time; but it must compile
      compiles(name, event, element.getLocalName(), text, problems);
      return;
    }
    calendars
        .problemWith(kind, text)
        .ifPresent(
            reason ->
                problems.add(
                    new ModelProblem(
                        name,
                        elementId(event),
                        messages.get(
                            "model.check.timer.unparseable",
                            element.getLocalName(),
                            text,
                            reason))));
  }

  /**
   * The variables a business rule task's decision can see, as far as the model shows them: the
   * task's input parameters, and what its process sets (output parameters, result variables,
   * element variables, the fields of its user tasks' forms).
   */
  private void collectDecisionVariables(
      DomElement task,
      Map<String, FormDefinition> formsById,
      Map<String, Set<String>> decisionVariables) {
    String decisionRef = task.getAttribute(CAMUNDA_NS, "decisionRef");
    if (decisionRef == null || isExpression(decisionRef)) {
      return;
    }
    Set<String> variables =
        decisionVariables.computeIfAbsent(decisionRef.trim(), k -> new TreeSet<>());
    collect(task, "inputParameter", false, formsById, variables);
    DomElement process = task;
    while (process.getParentElement() != null && !"process".equals(process.getLocalName())) {
      process = process.getParentElement();
    }
    collect(process, "outputParameter", true, formsById, variables);
  }

  private static void collect(
      DomElement element,
      String parameter,
      boolean processWide,
      Map<String, FormDefinition> formsById,
      Set<String> into) {
    if (CAMUNDA_NS.equals(element.getNamespaceURI()) && parameter.equals(element.getLocalName())) {
      addName(into, element.getAttribute("name"));
    }
    if (processWide) {
      addName(into, element.getAttribute(CAMUNDA_NS, "resultVariable"));
      addName(into, element.getAttribute(CAMUNDA_NS, "elementVariable"));
      String formRef = element.getAttribute(CAMUNDA_NS, "formRef");
      if (formRef != null && formsById.containsKey(formRef)) {
        formsById.get(formRef).fields().stream()
            .map(FormComponent::key)
            .forEach(key -> addName(into, key));
      }
    }
    for (DomElement child : element.getChildElements()) {
      collect(child, parameter, processWide, formsById, into);
    }
  }

  private static void addName(Set<String> into, String name) {
    if (name != null && !name.isBlank() && !isExpression(name)) {
      into.add(name.trim());
    }
  }

  private static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  /** The id of the element itself, or of the nearest element around it that has one. */
  private static String elementId(DomElement element) {
    for (DomElement e = element; e != null; e = e.getParentElement()) {
      String id = e.getAttribute("id");
      if (id != null && !id.isBlank()) {
        return id;
      }
    }
    return null;
  }

  /** Which part of the element holds the text: a listener, or the element itself. */
  private String where(DomElement element) {
    return switch (element.getLocalName()) {
      case "executionListener" -> messages.get("model.check.where.executionListener");
      case "taskListener" -> messages.get("model.check.where.taskListener");
      default -> messages.get("model.check.where.element");
    };
  }

  /** The groups a literal candidate group may name; departments are read once per check. */
  private final class Groups {
    final Set<String> roles = new TreeSet<>();
    private Map<String, Department> departmentsByGroup;

    Groups() {
      for (Role role : Role.values()) {
        roles.add(role.groupId());
      }
    }

    Map<String, Department> departments() {
      if (departmentsByGroup == null) {
        departmentsByGroup = new HashMap<>();
        departments.findAll().forEach(d -> departmentsByGroup.put(d.groupId(), d));
      }
      return departmentsByGroup;
    }
  }
}
