package org.duban.deployment;

import java.nio.file.Path;

/**
 * Where the starting set of models is read: {@code duban.models.dir} ({@code DUBAN_MODELS_DIR}), a
 * folder holding {@code processes/} and {@code forms/}; or each of the two given alone by {@code
 * duban.models.processes-dir} ({@code DUBAN_PROCESSES_DIR}) and {@code duban.models.forms-dir}
 * ({@code DUBAN_FORMS_DIR}), which win over {@code dir}. A folder configured by neither is read
 * from the models packaged in the jar ({@code classpath:models/}).
 *
 * @param processesDir the processes folder; null when the packaged processes are the starting set
 * @param formsDir the forms folder; null when the packaged forms are the starting set
 */
public record ModelFolders(Path dir, Path processesDir, Path formsDir) {

  public ModelFolders {
    dir = unset(dir) ? null : dir;
    processesDir =
        unset(processesDir) ? (dir == null ? null : dir.resolve("processes")) : processesDir;
    formsDir = unset(formsDir) ? (dir == null ? null : dir.resolve("forms")) : formsDir;
  }

  /** The two folders given each alone. */
  public ModelFolders(Path processesDir, Path formsDir) {
    this(null, processesDir, formsDir);
  }

  /**
   * From the settings' text as given: bound by hand, not as {@link Path}, because Spring's path
   * conversion reads a relative name such as {@code .} inside the web server's document root.
   */
  static ModelFolders of(String dir, String processesDir, String formsDir) {
    return new ModelFolders(path(dir), path(processesDir), path(formsDir));
  }

  private static Path path(String text) {
    return text == null || text.isBlank() ? null : Path.of(text.trim());
  }

  /** No folder: the packaged models. */
  public static ModelFolders packaged() {
    return new ModelFolders(null, null, null);
  }

  /** How the starting set is named in the log and on the admin page. */
  public String describe() {
    return describe(processesDir, "processes") + ", " + describe(formsDir, "forms");
  }

  private static String describe(Path folder, String packaged) {
    return folder == null
        ? "classpath:" + ModelBundle.PACKAGED + packaged + "/"
        : folder.toAbsolutePath().toString();
  }

  /** An empty value ({@code DUBAN_MODELS_DIR=}) counts as not configured. */
  private static boolean unset(Path path) {
    return path == null || path.toString().isBlank();
  }
}
