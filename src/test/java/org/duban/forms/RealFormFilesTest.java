package org.duban.forms;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real files in {@code forms/} parse and match the Forms table of docs/processes.md. */
class RealFormFilesTest {

  /** Fields per form in document order: key:type, then the rules the table names. */
  private static final Map<String, List<String>> CONTRACT =
      Map.ofEntries(
          entry("draft-task-book", List.of("submitNote:textarea:max500")),
          entry(
              "review-task-book",
              List.of(
                  "reviewDecision:radio:required:approve/sendBack",
                  "reviewComment:textarea:max1000")),
          entry("revise-task-book", List.of("revisionNote:textarea:required:max1000")),
          entry(
              "sign-task-book",
              List.of("signDecision:radio:required:sign/question", "question:textarea:max1000")),
          entry("answer-signing-question", List.of("answer:textarea:required:max1000")),
          entry(
              "claim-item",
              List.of(
                  "claimDecision:radio:required:claim/dispute", "disputeReason:textarea:max1000")),
          entry(
              "resolve-dispute",
              List.of(
                  "disputeResolution:radio:required:reassign/insist",
                  "newLeadDepartment:select:departmentOptions",
                  "resolutionComment:textarea:max1000")),
          entry(
              "break-down-item",
              List.of(
                  "subTasks:dynamiclist:addRemove",
                  "title:textfield:required:max200",
                  "assignee:select:required:assigneeOptions",
                  "dueDate:datetime-date:required")),
          entry("sub-task-report", List.of("report:textarea:required:min5:max2000")),
          entry("completion-report", List.of("completionSummary:textarea:required:max4000")),
          entry(
              "accept-item",
              List.of(
                  "acceptDecision:radio:required:accept/rework",
                  "acceptanceComment:textarea:max1000")),
          entry(
              "check-in",
              List.of(
                  "percentDone:number:required:0..100",
                  "readings:dynamiclist",
                  "indicatorName:textfield:disabled",
                  "unit:textfield:disabled",
                  "value:number",
                  "narrative:textarea:required:max2000",
                  "obstacles:textarea:max2000")),
          entry(
              "triage",
              List.of(
                  "triageDecision:radio:required:dismiss/notice",
                  "dismissReason:textarea:max1000",
                  "noticeRequirement:textarea:max2000",
                  "noticeDeadline:datetime-date")),
          entry(
              "rectification-plan",
              List.of(
                  "obstacle:textarea:required:max2000",
                  "responsibility:textarea:required:max2000",
                  "measures:textarea:required:max2000",
                  "rectificationDeadline:datetime-date:required")),
          entry("leader-follow-up", List.of("instruction:textarea:required:max2000")),
          entry(
              "review-plan",
              List.of(
                  "obstacle:textarea:readonly",
                  "responsibility:textarea:readonly",
                  "measures:textarea:readonly",
                  "rectificationDeadline:datetime-date:readonly",
                  "planDecision:radio:required:accept/sendBack",
                  "planComment:textarea:max1000")),
          entry("rectification-evidence", List.of("evidence:textarea:required:max4000")),
          entry(
              "sign-off",
              List.of(
                  "measures:textarea:readonly",
                  "rectificationDeadline:datetime-date:readonly",
                  "evidence:textarea:readonly",
                  "signOffDecision:radio:required:signOff/reopen",
                  "signOffComment:textarea:required:max1000")),
          entry(
              "meeting-decision",
              List.of(
                  "meetingKind:radio:required:presidentOffice/partyCommittee",
                  "meetingDate:datetime-date:required",
                  "meetingDecision:radio:required:continue/close",
                  "meetingInstruction:textarea:required:max2000",
                  "newDeadline:datetime-date")),
          entry(
              "approve-change",
              List.of(
                  "changeDecision:radio:required:approve/reject",
                  "changeComment:textarea:max1000")),
          entry(
              "review-assessment-score",
              List.of(
                  "assessmentResponse:radio:required:accept/appeal",
                  "appealItem:select:assessmentItemOptions",
                  "appealReason:textarea:max1000")),
          entry(
              "decide-appeal",
              List.of(
                  "appealDecision:radio:required:uphold/change",
                  "changedItem:select:assessmentItemOptions",
                  "newScore:number:0..100",
                  "decisionReason:textarea:required:max1000")),
          entry("publish-assessment", List.of("publishComment:textarea:max1000")));

  private final Forms forms = FormsTestSupport.forms();

  static Path formsFolder() {
    return Path.of(System.getProperty("basedir", ".")).resolve("forms");
  }

  static Stream<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(formsFolder())) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  @Test
  void theFolderHoldsExactlyTheFormsOfTheContract() throws IOException {
    List<String> ids =
        formFiles().map(p -> FormParser.formIdOf(p.getFileName().toString())).toList();

    assertThat(ids).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void everyFormFileParsesAndHasTheFieldsOfTheContract(Path file) throws IOException {
    String name = file.getFileName().toString();

    FormDefinition form =
        forms.parse("forms/" + name, Files.readString(file, StandardCharsets.UTF_8));

    assertThat(form.id()).isEqualTo(FormParser.formIdOf(name));
    assertThat(describe(form.components())).containsExactlyElementsOf(CONTRACT.get(form.id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void everyFormFileIsWrittenAsCamundaModelerWritesItForCamunda7(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));

    assertThat(root.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(root.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    assertThat(root.path("schemaVersion").asInt()).isEqualTo(16);
    assertThat(root.path("type").asText()).isEqualTo("default");
    List<JsonNode> all = new ArrayList<>();
    collect(root.path("components"), all);
    for (JsonNode component : all) {
      assertThat(component.path("id").asText()).as("id of %s", component).isNotBlank();
      assertThat(component.path("layout").path("row").asText())
          .as("layout row of %s", component)
          .startsWith("Row_");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void everyLabelAndOptionShownToUsersIsChinese(Path file) throws IOException {
    FormDefinition form = forms.parse(file.getFileName().toString(), Files.readString(file));

    for (FormComponent field : form.fields()) {
      assertThat(field.label()).as("label of %s", field.key()).matches(".*\\p{IsHan}.*");
      for (FormOption option : field.options()) {
        assertThat(option.label()).as("option %s", option.value()).matches(".*\\p{IsHan}.*");
      }
    }
  }

  private static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode c : components) {
      out.add(c);
      collect(c.path("components"), out);
    }
  }

  private static List<String> describe(List<FormComponent> components) {
    List<String> out = new ArrayList<>();
    for (FormComponent c : components) {
      if (c.type() == ComponentType.DYNAMICLIST) {
        out.add(c.path() + ":dynamiclist" + (c.allowAddRemove() ? ":addRemove" : ""));
      } else if (c.type().isField()) {
        out.add(describe(c));
      }
      out.addAll(describe(c.components()));
    }
    return out;
  }

  private static String describe(FormComponent c) {
    List<String> parts = new ArrayList<>();
    parts.add(c.key());
    parts.add(
        c.type() == ComponentType.DATETIME
            ? "datetime-" + c.subtype().jsonName()
            : c.type().jsonName());
    Validation v = c.validation();
    if (v.required()) {
      parts.add("required");
    }
    if (c.disabled()) {
      parts.add("disabled");
    }
    if (c.readonly()) {
      parts.add("readonly");
    }
    if (v.minLength() != null) {
      parts.add("min" + v.minLength());
    }
    if (v.maxLength() != null) {
      parts.add("max" + v.maxLength());
    }
    if (v.min() != null || v.max() != null) {
      parts.add(v.min() + ".." + v.max());
    }
    if (!c.options().isEmpty()) {
      parts.add(c.options().stream().map(FormOption::value).collect(Collectors.joining("/")));
    }
    if (c.valuesKey() != null) {
      parts.add(c.valuesKey());
    }
    return String.join(":", parts);
  }
}
