package org.duban.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the processes and forms in the reader's language. The models (BPMN names, Camunda
 * Forms) are written in Chinese in Modeler and are the flow's source of truth; readers of another
 * language get the words of {@code i18n/process_<lang>.properties}, keyed by element id (see the
 * head of {@code i18n/process.properties}). A Chinese reader always sees the model's own text, and
 * so does everyone for an element without a key (a step an admin added in Modeler).
 *
 * <p>Templates call it as {@code @modelWords}: {@code ${@modelWords.taskName(task, #locale)}}.
 */
@Component("modelWords")
public class ModelWords {

  static final String BUNDLE = "i18n/process";

  private final MessageSource words;
  private final RepositoryService repository;

  /** Process definition id to key: definitions never change once deployed. */
  private final Map<String, String> processKeys = new ConcurrentHashMap<>();

  public ModelWords(RepositoryService repository) {
    this.repository = repository;
    this.words = bundle();
  }

  /**
   * The bundle alone, read as written: no MessageFormat, so {@code {{placeholders}}} and quotes
   * stay.
   */
  static MessageSource bundle() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename(BUNDLE);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setAlwaysUseMessageFormat(false);
    return source;
  }

  /** Chinese readers (and a missing locale) read the models as they are. */
  static boolean readsModels(Locale locale) {
    return locale == null || "zh".equals(locale.getLanguage());
  }

  /** The name of a process, {@code modelName} when there is no word for it. */
  public String processName(String processKey, String modelName, Locale locale) {
    return word("process." + processKey, modelName, locale);
  }

  /** The name of a user task of a process, {@code modelName} when there is no word for it. */
  public String taskName(String processKey, String taskKey, String modelName, Locale locale) {
    return word("task." + processKey + "." + taskKey, modelName, locale);
  }

  /** The name of an open task. */
  public String taskName(Task task, Locale locale) {
    if (readsModels(locale) || task.getProcessDefinitionId() == null) {
      return task.getName();
    }
    return taskName(
        processKey(task.getProcessDefinitionId()),
        task.getTaskDefinitionKey(),
        task.getName(),
        locale);
  }

  /**
   * The form with its labels, help texts, option labels and texts in the reader's language; the
   * same form for a Chinese reader. Dynamic options (people, departments, items) are data and stay.
   */
  public FormDefinition localized(FormDefinition form, Locale locale) {
    if (readsModels(locale)) {
      return form;
    }
    return new FormDefinition(form.id(), components(form.id(), form.components(), "", locale));
  }

  private List<FormComponent> components(
      String formId, List<FormComponent> list, String prefix, Locale locale) {
    List<FormComponent> out = new ArrayList<>(list.size());
    for (FormComponent c : list) {
      String name = "form." + formId + "." + prefix + FormWords.name(c) + ".";
      if (c.type() == ComponentType.TEXT) {
        out.add(
            FormWords.with(
                c,
                c.label(),
                c.description(),
                c.options(),
                word("form." + formId + "." + c.id() + ".text", c.text(), locale),
                c.components()));
        continue;
      }
      List<FormOption> options = new ArrayList<>(c.options().size());
      for (FormOption o : c.options()) {
        options.add(
            new FormOption(o.value(), word(name + "option." + o.value(), o.label(), locale)));
      }
      String childPrefix =
          c.type() == ComponentType.DYNAMICLIST ? prefix + FormWords.name(c) + "." : prefix;
      out.add(
          FormWords.with(
              c,
              word(name + "label", c.label(), locale),
              word(name + "description", c.description(), locale),
              options,
              c.text(),
              components(formId, c.components(), childPrefix, locale)));
    }
    return out;
  }

  private String word(String key, String modelText, Locale locale) {
    if (modelText == null || readsModels(locale)) {
      return modelText;
    }
    return words.getMessage(key, null, modelText, locale);
  }

  private String processKey(String processDefinitionId) {
    return processKeys.computeIfAbsent(
        processDefinitionId, id -> repository.getProcessDefinition(id).getKey());
  }

  /** How a form's component is named in keys, and a copy of it with other words. */
  static final class FormWords {

    private FormWords() {}

    /** A field's key, a dynamic list's path, else the component's id. */
    static String name(FormComponent c) {
      return c.key() != null ? c.key() : c.path() != null ? c.path() : c.id();
    }

    static FormComponent with(
        FormComponent c,
        String label,
        String description,
        List<FormOption> options,
        String text,
        List<FormComponent> components) {
      return new FormComponent(
          c.id(),
          c.type(),
          c.key(),
          label,
          description,
          c.validation(),
          options,
          c.valuesKey(),
          c.disabled(),
          c.readonly(),
          c.subtype(),
          c.path(),
          c.allowAddRemove(),
          c.defaultRepetitions(),
          components,
          c.hide(),
          c.defaultValue(),
          text,
          c.decimalDigits(),
          c.increment(),
          c.disallowPassedDates(),
          c.layoutRow(),
          c.layoutColumns());
    }
  }
}
