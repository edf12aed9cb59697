package org.duban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * The words of every shipped process and form have their English in {@code
 * i18n/process_en.properties} (issue 16 point 4), and {@code i18n/process.properties} repeats the
 * models' Chinese, so that a changed model text shows here as a word whose English needs a look.
 */
class ModelWordsBundleTest {

  static final Path BASE = Path.of(System.getProperty("basedir", "."));
  static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  /** Every word the shipped models show, by its key, in the models' own (Chinese) text. */
  static Map<String, String> modelWords() throws IOException {
    Map<String, String> words = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(BASE.resolve("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          if (process.getName() != null) {
            words.put("process." + process.getId(), process.getName());
          }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          if (task.getName() != null) {
            words.put("task." + processOf(task).getId() + "." + task.getId(), task.getName());
          }
        }
      }
    }
    Forms forms = FormsTestSupport.forms();
    try (Stream<Path> files = Files.list(BASE.resolve("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        String id = file.getFileName().toString().replace(".form", "");
        FormDefinition form = forms.parse(id, Files.readString(file, StandardCharsets.UTF_8));
        collect(id, form.components(), "", words);
      }
    }
    return words;
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    return parent instanceof Process process ? process : processOf(parent);
  }

  private static void collect(
      String formId, List<FormComponent> components, String prefix, Map<String, String> out) {
    for (FormComponent c : components) {
      if (c.type() == ComponentType.TEXT) {
        if (CJK.matcher(c.text()).find()) {
          out.put("form." + formId + "." + c.id() + ".text", c.text());
        }
        continue;
      }
      String name = "form." + formId + "." + prefix + ModelWords.FormWords.name(c) + ".";
      if (c.label() != null) {
        out.put(name + "label", c.label());
      }
      if (c.description() != null) {
        out.put(name + "description", c.description());
      }
      c.options().forEach(o -> out.put(name + "option." + o.value(), o.label()));
      String childPrefix =
          c.type() == ComponentType.DYNAMICLIST
              ? prefix + ModelWords.FormWords.name(c) + "."
              : prefix;
      collect(formId, c.components(), childPrefix, out);
    }
  }

  static Map<String, String> bundle(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(BASE.resolve("src/main/resources/i18n").resolve(file))) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Map<String, String> out = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
    return out;
  }

  @Test
  void everyTaskNameProcessNameAndFormWordOfTheShippedModelsHasItsEnglish() throws IOException {
    Map<String, String> model = modelWords();
    Map<String, String> english = bundle("process_en.properties");
    assertThat(model).as("words of the shipped models").hasSizeGreaterThan(100);
    assertThat(new TreeSet<>(model.keySet()))
        .as("keys missing in process_en.properties")
        .isSubsetOf(english.keySet());
    Map<String, String> stillChinese =
        english.entrySet().stream()
            .filter(e -> CJK.matcher(e.getValue()).find())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(stillChinese).as("English words with Chinese in them").isEmpty();
  }

  @Test
  void theChineseBundleIsTheModelsTextSoAChangedModelAsksForItsEnglishAgain() throws IOException {
    Map<String, String> model = modelWords();
    Map<String, String> chinese = bundle("process.properties");
    // no words for elements that are gone, and the Chinese as the models have it now
    assertThat(chinese)
        .as("process.properties against the models")
        .containsExactlyInAnyOrderEntriesOf(model);
  }

  @Test
  void anEnglishTextKeepsThePlaceholdersOfItsChinese() throws IOException {
    Map<String, String> chinese = bundle("process.properties");
    Map<String, String> english = bundle("process_en.properties");
    chinese.forEach(
        (key, text) ->
            assertThat(placeholders(english.getOrDefault(key, "")))
                .as("placeholders of %s", key)
                .isEqualTo(placeholders(text)));
  }

  @Test
  void theEnglishReaderGetsTheBundlesWordsAndTheChineseReaderTheModels() throws IOException {
    ModelWords words = new ModelWords(null);
    Forms forms = FormsTestSupport.forms();
    FormDefinition checkIn =
        forms.parse(
            "check-in",
            Files.readString(BASE.resolve("forms/check-in.form"), StandardCharsets.UTF_8));

    FormDefinition english = words.localized(checkIn, Locale.ENGLISH);
    assertThat(english.component("Field_4jsq5nm").orElseThrow().label()).isEqualTo("Progress (%)");
    assertThat(english.component("Field_ivsprhm").orElseThrow().label())
        .isEqualTo("Value this month");
    assertThat(english.component("Field_c0yj7o2").orElseThrow().text())
        .startsWith("Report the progress of the work for {{period}}.");
    assertThat(words.localized(checkIn, Locale.SIMPLIFIED_CHINESE)).isSameAs(checkIn);

    assertThat(words.taskName("departmentWork", "claimItem", "认领工作任务", Locale.ENGLISH))
        .isEqualTo("Claim the work item");
    assertThat(words.taskName("departmentWork", "claimItem", "认领工作任务", Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("认领工作任务");
    assertThat(words.processName("escalation", "督办整改", Locale.ENGLISH))
        .isEqualTo("Escalation and rectification");
    // a step an admin added in Modeler has no word: everyone reads its model's name
    assertThat(words.taskName("departmentWork", "extraReview", "科室复核", Locale.ENGLISH))
        .isEqualTo("科室复核");
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
