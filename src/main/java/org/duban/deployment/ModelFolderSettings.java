package org.duban.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code duban.models.dir}, {@code processes-dir} and {@code forms-dir} as text (see {@link
 * ModelFolders} for what they mean); empty means not configured.
 */
@ConfigurationProperties("duban.models")
record ModelFolderSettings(String dir, String processesDir, String formsDir) {

  @Configuration
  static class Folders {

    @Bean
    ModelFolders modelFolders(ModelFolderSettings settings) {
      return ModelFolders.of(settings.dir(), settings.processesDir(), settings.formsDir());
    }
  }
}
