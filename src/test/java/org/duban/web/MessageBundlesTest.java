package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Chinese message has its English twin and the other way round, bundle by bundle. */
class MessageBundlesTest {

  static final Path FOLDER =
      Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/i18n");

  static List<String> bundles() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".properties") && !name.contains("_"))
          .map(name -> name.substring(0, name.length() - ".properties".length()))
          .sorted()
          .toList();
    }
  }

  static Properties load(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(FOLDER.resolve(file))) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void chineseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
    Properties chinese = load(bundle + ".properties");
    Properties english = load(bundle + "_en.properties");
    assertThat(english.stringPropertyNames())
        .as("keys of %s_en", bundle)
        .containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
  }
}
