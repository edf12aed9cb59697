package org.duban.forms;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.context.MessageSource;

/**
 * Reads form-js JSON into a {@link FormDefinition} and refuses, with a Chinese message, anything
 * Duban cannot render or validate on the server.
 */
final class FormParser {

  /** Rows a dynamic list may have; more are refused at validation. */
  static final int MAX_ROWS = 200;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  /** Parse messages are Chinese whatever the request: the base bundle is Chinese. */
  private static final Locale MESSAGE_LOCALE = Locale.ROOT;

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private final MessageSource messages;

  FormParser(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * @param source the form id, or the file name ({@code claim-item.form}, {@code
   *     forms/claim-item.form}); the JSON {@code id} must equal the form id
   */
  FormDefinition parse(String source, String json) {
    return new Run(formIdOf(source)).form(json);
  }

  static String formIdOf(String source) {
    if (source == null) {
      return null;
    }
    String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    name = name.endsWith(".form") ? name.substring(0, name.length() - ".form".length()) : name;
    return name.isBlank() ? null : name;
  }

  /** State of one parse: the form id and the component ids seen so far. */
  private final class Run {

    private String formId;
    private final Set<String> ids = new HashSet<>();

    Run(String formId) {
      this.formId = formId;
    }

    FormDefinition form(String json) {
      JsonNode root;
      try {
        root = json == null ? null : mapper.readTree(json);
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        throw problem(
            null,
            "forms.invalid.json",
            e,
            at == null ? "?" : String.valueOf(at.getLineNr()),
            at == null ? "?" : String.valueOf(at.getColumnNr()));
      }
      if (root == null || !root.isObject()) {
        throw problem(null, "forms.invalid.notObject", null);
      }
      JsonNode idNode = root.get("id");
      String jsonId = idNode != null && idNode.isTextual() ? idNode.asText() : null;
      if (formId == null) {
        formId = jsonId;
      }
      if (jsonId == null || jsonId.isBlank()) {
        throw problem(null, "forms.invalid.missingFormId", null);
      }
      if (!jsonId.equals(formId)) {
        throw problem(null, "forms.invalid.idMismatch", null, jsonId);
      }
      JsonNode list = root.get("components");
      if (list == null || !list.isArray()) {
        throw problem(null, "forms.invalid.noComponents", null);
      }
      return new FormDefinition(formId, components(list, new HashSet<>(), false));
    }

    private List<FormComponent> components(JsonNode list, Set<String> keys, boolean inList) {
      List<FormComponent> out = new ArrayList<>();
      int position = 0;
      for (JsonNode node : list) {
        position++;
        out.add(component(node, position, keys, inList));
      }
      return out;
    }

    private FormComponent component(JsonNode node, int position, Set<String> keys, boolean inList) {
      if (!node.isObject()) {
        throw problem(null, "forms.invalid.componentNotObject", null, String.valueOf(position));
      }
      JsonNode typeNode = node.get("type");
      String typeName = typeNode != null && typeNode.isTextual() ? typeNode.asText() : "";
      JsonNode idNode = node.get("id");
      if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
        throw problem(null, "forms.invalid.missingId", null, String.valueOf(position), typeName);
      }
      String id = idNode.asText();
      if (!ids.add(id)) {
        throw problem(id, "forms.invalid.duplicateId", null);
      }
      ComponentType type =
          ComponentType.fromJson(typeName)
              .orElseThrow(
                  () ->
                      problem(
                          id,
                          "forms.invalid.unsupported",
                          null,
                          typeName.isEmpty() ? "?" : typeName));
      Builder b = new Builder(id, type);
      b.hide = hide(node, id);
      JsonNode layout = node.get("layout");
      if (layout != null && layout.isObject()) {
        b.layoutRow = layout.path("row").isTextual() ? layout.get("row").asText() : null;
        b.layoutColumns = layout.path("columns").isInt() ? layout.get("columns").asInt() : null;
      }
      if (type.isField()) {
        field(node, b, keys);
      } else if (type == ComponentType.TEXT) {
        b.text = text(node, id, "text");
        String bad = b.text == null ? null : TextTemplate.firstUnsupported(b.text);
        if (bad != null) {
          throw problem(id, "forms.invalid.template", null, bad);
        }
        b.text = b.text == null ? "" : b.text;
      } else if (type == ComponentType.GROUP) {
        b.label = text(node, id, "label");
        String path = string(node, id, "path");
        if (path != null && !path.isEmpty()) {
          throw problem(id, "forms.invalid.groupPath", null, path);
        }
        b.components = children(node, keys, inList);
      } else if (type == ComponentType.DYNAMICLIST) {
        dynamicList(node, b, keys, inList);
      }
      return b.build();
    }

    private void field(JsonNode node, Builder b, Set<String> keys) {
      String id = b.id;
      String key = string(node, id, "key");
      if (key == null || key.isEmpty()) {
        throw problem(id, "forms.invalid.missingKey", null, b.type.jsonName());
      }
      if (!NAME.matcher(key).matches()) {
        throw problem(id, "forms.invalid.badKey", null, key);
      }
      if (!keys.add(key)) {
        throw problem(id, "forms.invalid.duplicateKey", null, key);
      }
      b.key = key;
      b.label = text(node, id, "label");
      b.description = text(node, id, "description");
      b.disabled = flag(node, id, "disabled");
      b.readonly = flag(node, id, "readonly");
      b.defaultValue = defaultValue(node.get("defaultValue"));
      b.validation = validation(node, b);
      if (b.type.hasOptions()) {
        options(node, b);
      }
      switch (b.type) {
        case DATETIME -> {
          String subtype = string(node, id, "subtype");
          b.subtype =
              subtype == null
                  ? DateSubtype.DATE
                  : switch (subtype) {
                    case "date" -> DateSubtype.DATE;
                    case "time" -> DateSubtype.TIME;
                    case "datetime" -> DateSubtype.DATETIME;
                    default ->
                        throw problem(id, "forms.invalid.property", null, "subtype", subtype);
                  };
          String dateLabel = text(node, id, "dateLabel");
          String timeLabel = text(node, id, "timeLabel");
          String own = b.subtype == DateSubtype.TIME ? timeLabel : dateLabel;
          b.label = own != null ? own : b.label;
          b.disallowPassedDates = flag(node, id, "disallowPassedDates");
        }
        case NUMBER -> {
          JsonNode digits = node.get("decimalDigits");
          if (digits != null && !digits.isNull()) {
            if (!digits.canConvertToInt() || !digits.isIntegralNumber() || digits.asInt() < 0) {
              throw problem(id, "forms.invalid.property", null, "decimalDigits", digits.toString());
            }
            b.decimalDigits = digits.asInt();
          }
          b.increment = decimal(node, id, "increment");
          if (b.increment != null && b.increment.signum() <= 0) {
            throw problem(
                id, "forms.invalid.property", null, "increment", b.increment.toPlainString());
          }
        }
        default -> {
          // no type-specific properties
        }
      }
    }

    private Validation validation(JsonNode node, Builder b) {
      JsonNode v = node.get("validate");
      if (v == null || v.isNull()) {
        return Validation.NONE;
      }
      if (!v.isObject()) {
        throw problem(b.id, "forms.invalid.property", null, "validate", v.toString());
      }
      ComponentType type = b.type;
      boolean text = type == ComponentType.TEXTFIELD || type == ComponentType.TEXTAREA;
      boolean required = flag(v, b.id, "required");
      BigDecimal min = only(type == ComponentType.NUMBER, b, "min", decimal(v, b.id, "min"));
      BigDecimal max = only(type == ComponentType.NUMBER, b, "max", decimal(v, b.id, "max"));
      Integer minLength = only(text, b, "minLength", length(v, b.id, "minLength"));
      Integer maxLength = only(text, b, "maxLength", length(v, b.id, "maxLength"));
      String pattern = string(v, b.id, "pattern");
      pattern = pattern == null || pattern.isEmpty() ? null : pattern;
      only(type == ComponentType.TEXTFIELD, b, "pattern", pattern);
      if (pattern != null) {
        if (pattern.startsWith("=")) {
          throw problem(b.id, "forms.invalid.expression", null, "validate.pattern");
        }
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          throw problem(b.id, "forms.invalid.pattern", e, pattern);
        }
      }
      String kind = string(v, b.id, "validationType");
      Validation.ValidationType validationType = null;
      if ("email".equals(kind)) {
        validationType = Validation.ValidationType.EMAIL;
      } else if ("phone".equals(kind)) {
        validationType = Validation.ValidationType.PHONE;
      } else if (kind != null && !kind.isEmpty() && !kind.equals("custom")) {
        throw problem(b.id, "forms.invalid.property", null, "validate.validationType", kind);
      }
      only(type == ComponentType.TEXTFIELD, b, "validationType", validationType);
      if (min != null && max != null && min.compareTo(max) > 0) {
        throw problem(b.id, "forms.invalid.property", null, "validate.min", min.toPlainString());
      }
      return new Validation(required, min, max, minLength, maxLength, pattern, validationType);
    }

    /** Refuses a validation rule that form-js does not apply to this component type. */
    private <T> T only(boolean applies, Builder b, String rule, T value) {
      if (value != null && !applies) {
        throw problem(b.id, "forms.invalid.ruleNotApplicable", null, b.type.jsonName(), rule);
      }
      return value;
    }

    private void options(JsonNode node, Builder b) {
      String id = b.id;
      JsonNode expression = node.get("valuesExpression");
      if (expression != null && !expression.isNull() && !expression.asText().isEmpty()) {
        throw problem(id, "forms.invalid.expression", null, "valuesExpression");
      }
      String valuesKey = string(node, id, "valuesKey");
      if (valuesKey != null && !valuesKey.isEmpty()) {
        if (valuesKey.startsWith("=") || !NAME.matcher(valuesKey).matches()) {
          throw problem(id, "forms.invalid.property", null, "valuesKey", valuesKey);
        }
        b.valuesKey = valuesKey;
        return;
      }
      JsonNode values = node.get("values");
      if (values == null || !values.isArray() || values.isEmpty()) {
        throw problem(id, "forms.invalid.noOptions", null, b.type.jsonName());
      }
      for (JsonNode option : values) {
        JsonNode value = option.get("value");
        if (!option.isObject() || value == null || !value.isValueNode() || value.isNull()) {
          throw problem(id, "forms.invalid.property", null, "values", option.toString());
        }
        String label = text(option, id, "label");
        b.options.add(new FormOption(value.asText(), label));
      }
    }

    private void dynamicList(JsonNode node, Builder b, Set<String> keys, boolean inList) {
      String id = b.id;
      if (inList) {
        throw problem(id, "forms.invalid.nestedList", null);
      }
      String path = string(node, id, "path");
      if (path == null || !NAME.matcher(path).matches()) {
        throw problem(id, "forms.invalid.listPath", null, path == null ? "" : path);
      }
      if (!keys.add(path)) {
        throw problem(id, "forms.invalid.duplicateKey", null, path);
      }
      b.path = path;
      b.label = text(node, id, "label");
      b.allowAddRemove = flag(node, id, "allowAddRemove");
      JsonNode repetitions = node.get("defaultRepetitions");
      b.defaultRepetitions = 1;
      if (repetitions != null && !repetitions.isNull()) {
        if (!repetitions.isIntegralNumber()
            || repetitions.asInt() < 0
            || repetitions.asInt() > MAX_ROWS) {
          throw problem(
              id, "forms.invalid.property", null, "defaultRepetitions", repetitions.toString());
        }
        b.defaultRepetitions = repetitions.asInt();
      }
      b.components = children(node, new HashSet<>(), true);
    }

    private List<FormComponent> children(JsonNode node, Set<String> keys, boolean inList) {
      JsonNode list = node.get("components");
      if (list == null || list.isNull()) {
        return List.of();
      }
      if (!list.isArray()) {
        throw problem(
            textOf(node.get("id")), "forms.invalid.property", null, "components", list.toString());
      }
      return components(list, keys, inList);
    }

    private HideCondition hide(JsonNode node, String id) {
      JsonNode conditional = node.get("conditional");
      if (conditional == null || conditional.isNull()) {
        return null;
      }
      JsonNode hide = conditional.get("hide");
      if (hide == null || hide.isNull() || hide.isTextual() && hide.asText().isBlank()) {
        return null;
      }
      String expression = hide.isTextual() ? hide.asText().strip() : hide.toString();
      HideCondition condition = hide.isTextual() ? HideCondition.parse(expression) : null;
      if (condition == null) {
        throw problem(id, "forms.invalid.feel", null, expression);
      }
      return condition;
    }

    /** A string property shown to users; FEEL expressions ({@code =...}) are refused. */
    private String text(JsonNode node, String id, String name) {
      String value = string(node, id, name);
      if (value != null && value.startsWith("=")) {
        throw problem(id, "forms.invalid.expression", null, name);
      }
      return value;
    }

    private String string(JsonNode node, String id, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        throw problem(id, "forms.invalid.property", null, name, value.toString());
      }
      return value.asText();
    }

    private boolean flag(JsonNode node, String id, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return false;
      }
      if (value.isBoolean()) {
        return value.asBoolean();
      }
      if (value.isTextual() && value.asText().startsWith("=")) {
        throw problem(id, "forms.invalid.expression", null, name);
      }
      throw problem(id, "forms.invalid.property", null, name, value.toString());
    }

    private BigDecimal decimal(JsonNode node, String id, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
        return null;
      }
      if (value.isNumber()) {
        return value.decimalValue();
      }
      if (value.isTextual() && DECIMAL.matcher(value.asText().strip()).matches()) {
        return new BigDecimal(value.asText().strip());
      }
      if (value.isTextual() && value.asText().startsWith("=")) {
        throw problem(id, "forms.invalid.expression", null, name);
      }
      throw problem(id, "forms.invalid.property", null, name, value.toString());
    }

    private Integer length(JsonNode node, String id, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
        return null;
      }
      if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0) {
        return value.asInt();
      }
      if (value.isTextual() && INTEGER.matcher(value.asText().strip()).matches()) {
        return Integer.valueOf(value.asText().strip());
      }
      if (value.isTextual() && value.asText().startsWith("=")) {
        throw problem(id, "forms.invalid.expression", null, name);
      }
      throw problem(id, "forms.invalid.property", null, name, value.toString());
    }

    private Object defaultValue(JsonNode value) {
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.isBoolean()) {
        return value.asBoolean();
      }
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return value.asLong();
      }
      if (value.isNumber()) {
        return value.decimalValue();
      }
      if (value.isArray()) {
        List<String> list = new ArrayList<>();
        value.forEach(v -> list.add(v.asText()));
        return list;
      }
      return value.asText();
    }

    private String textOf(JsonNode node) {
      return node != null && node.isTextual() ? node.asText() : null;
    }

    /** An exception whose message has the form id as {0}, the component id as {1}, then args. */
    private InvalidFormException problem(
        String componentId, String code, Throwable cause, String... args) {
      Object[] all = new Object[args.length + 2];
      all[0] = formId == null ? "?" : formId;
      all[1] = componentId == null ? "" : componentId;
      System.arraycopy(args, 0, all, 2, args.length);
      String fallback =
          code + " " + String.join(" ", List.of(all).stream().map(String::valueOf).toList());
      String message = messages.getMessage(code, all, fallback, MESSAGE_LOCALE);
      return new InvalidFormException(formId, componentId, code, message, cause);
    }
  }

  /** Collects the properties of one component before it is frozen. */
  private static final class Builder {
    final String id;
    final ComponentType type;
    String key;
    String label;
    String description;
    Validation validation = Validation.NONE;
    final List<FormOption> options = new ArrayList<>();
    String valuesKey;
    boolean disabled;
    boolean readonly;
    DateSubtype subtype;
    String path;
    boolean allowAddRemove;
    int defaultRepetitions;
    List<FormComponent> components = List.of();
    HideCondition hide;
    Object defaultValue;
    String text;
    Integer decimalDigits;
    BigDecimal increment;
    boolean disallowPassedDates;
    String layoutRow;
    Integer layoutColumns;

    Builder(String id, ComponentType type) {
      this.id = id;
      this.type = type;
    }

    FormComponent build() {
      return new FormComponent(
          id,
          type,
          key,
          label,
          description,
          validation,
          options,
          valuesKey,
          disabled,
          readonly,
          subtype,
          path,
          allowAddRemove,
          defaultRepetitions,
          components,
          hide,
          defaultValue,
          text,
          decimalDigits,
          increment,
          disallowPassedDates,
          layoutRow,
          layoutColumns);
    }
  }
}
