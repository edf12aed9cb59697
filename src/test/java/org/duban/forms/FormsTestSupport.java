package org.duban.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Shared set-up: the forms bundle as Spring Boot configures it, a fixed clock, fixtures. */
final class FormsTestSupport {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private FormsTestSupport() {}

  /**
   * Like Spring Boot's message source for {@code spring.messages.basename=i18n/messages,i18n/forms}
   * with UTF-8, but on a JVM whose default locale is English: Chinese must still come from the base
   * bundle.
   */
  static ResourceBundleMessageSource messageSource() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("i18n/forms");
    source.setDefaultEncoding("UTF-8");
    source.setDefaultLocale(Locale.ENGLISH);
    return source;
  }

  static Forms forms() {
    return new Forms(
        messageSource(), Clock.fixed(TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant(), SHANGHAI));
  }

  static String fixture(String name) {
    return classpath("forms-fixtures/" + name);
  }

  static String classpath(String path) {
    try (InputStream in = FormsTestSupport.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("missing " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FormDefinition allSupported() {
    return forms().parse("all-supported", fixture("all-supported.form"));
  }

  /** Request parameters from name/value pairs; a name may repeat. */
  static MultiValueMap<String, String> params(String... namesAndValues) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return params;
  }

  /** A minimal form around one component given as JSON. */
  static String formWith(String formId, String componentJson) {
    return """
                {
                  "components": [ %s ],
                  "type": "default",
                  "id": "%s",
                  "executionPlatform": "Camunda Platform",
                  "executionPlatformVersion": "7.24.0",
                  "schemaVersion": 16
                }
                """
        .formatted(componentJson, formId);
  }
}
