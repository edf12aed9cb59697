package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15 point 14: no file path of the project appears on a user's page: a rule is named by its
 * name (红黄绿灯规则), not by its file. Only the model administration pages name files, because that is
 * what the admin uploads and edits there.
 */
class NoProjectPathOnPagesTest {

  /** The bundles of the model administration pages, where file names are the subject. */
  private static final Set<String> MODEL_ADMIN = Set.of("deployment", "modelchecks");

  private static final Pattern PROJECT_PATH =
      Pattern.compile(
          "(processes|forms|templates|static|src|i18n|db/migration)/[\\w.-]+|[\\w-]+\\.(dmn|bpmn|form|java|html)\\b");

  static List<String> bundles() throws IOException {
    return MessageBundlesTest.bundles().stream().filter(b -> !MODEL_ADMIN.contains(b)).toList();
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void messagesNameNoFileOfTheProject(String bundle) throws IOException {
    List<String> found = new ArrayList<>();
    for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
      Properties messages = MessageBundlesTest.load(file);
      for (String key : messages.stringPropertyNames()) {
        // model.* are the model checks' messages, shown on the model administration pages
        if (!key.startsWith("model.") && PROJECT_PATH.matcher(messages.getProperty(key)).find()) {
          found.add(file + ": " + key + "=" + messages.getProperty(key));
        }
      }
    }
    assertThat(found).as("messages naming a file of the project").isEmpty();
  }
}
