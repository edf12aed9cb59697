package org.duban.deployment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the admin-editable models live on disk. */
@ConfigurationProperties("duban.models")
public record ModelFolders(Path processesDir, Path formsDir) {}
