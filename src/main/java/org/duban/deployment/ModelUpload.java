package org.duban.deployment;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.duban.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What an admin does with the model files from the admin page: upload changed files, or deploy what
 * is in the folders. An upload is checked with the rest of the folders as they would be after it (the
 * bundle with the uploaded files in place); only when that bundle is accepted and deployed are the
 * files written, each to a temporary file and then moved into place atomically. A refused upload
 * writes nothing and deploys nothing.
 */
@Service
public class ModelUpload {

  private static final Logger log = LoggerFactory.getLogger(ModelUpload.class);
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  /** Largest file accepted: Modeler's files are a few dozen KB. */
  public static final int MAX_FILE_BYTES = 1024 * 1024;

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");

  private final ModelDeployer deployer;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Object lock = new Object();

  ModelUpload(ModelDeployer deployer, AuditLog audit, MessageSource messages) {
    this.deployer = deployer;
    this.audit = audit;
    this.messages = messages;
  }

  /** One uploaded file as the browser sent it. */
  public record UploadedFile(String name, byte[] bytes) {}

  /** A definition that got a new version. */
  public record NewVersion(String key, String name, String version, boolean decision) implements Serializable {}

  /** What came of an upload or a redeploy: the files, the new versions, or the problems. */
  public record Outcome(List<String> files, List<NewVersion> newVersions, List<ModelProblem> problems) {

    public boolean isRejected() {
      return !problems.isEmpty();
    }
  }

  public Outcome upload(List<UploadedFile> uploaded) {
    List<String> names = uploaded.stream().map(UploadedFile::name).toList();
    List<ModelProblem> problems = checkFiles(uploaded);
    if (!problems.isEmpty()) {
      return refused(names, problems);
    }
    synchronized (lock) {
      ModelFolders folders = deployer.folders();
      ModelBundle current = ModelBundle.read(folders);
      Map<String, byte[]> resources = new TreeMap<>(current.resources());
      Map<Path, byte[]> writes = new LinkedHashMap<>();
      for (UploadedFile file : uploaded) {
        boolean form = file.name().endsWith(".form");
        resources.put((form ? ModelBundle.FORMS : ModelBundle.PROCESSES) + file.name(), file.bytes());
        writes.put((form ? folders.formsDir() : folders.processesDir()).resolve(file.name()), file.bytes());
      }
      ModelDeployer.Result result;
      try {
        result = deployer.deploy(new ModelBundle(resources), deployed -> {
          writeAtomically(writes);
          audit.record("model.upload", "model", String.join(", ", names), null, Map.of(
              "files", names, "newVersions", describe(newVersions(deployed))));
        });
      } catch (UncheckedIOException e) {
        log.error("Uploaded models could not be written; nothing was deployed", e);
        return refused(names, List.of(new ModelProblem(
            String.join(", ", names), null, message("models.upload.writeFailed", e.getCause().getMessage()))));
      }
      if (result.isRejected()) {
        return refused(names, result.problems());
      }
      return new Outcome(names, newVersions(result), List.of());
    }
  }

  /** Deploys what is in the folders now (an admin edited them in Modeler). */
  public Outcome redeployFolders() {
    synchronized (lock) {
      List<String> files = List.of(ModelBundle.PROCESSES, ModelBundle.FORMS);
      ModelDeployer.Result result = deployer.deployFolders();
      if (result.isRejected()) {
        return refused(files, result.problems());
      }
      List<NewVersion> versions = newVersions(result);
      audit.record("model.deploy", "model", String.join(", ", files), null, Map.of(
          "deployments", result.deployed().stream().map(ModelDeployer.Deployed::name).toList(),
          "newVersions", describe(versions)));
      return new Outcome(files, versions, List.of());
    }
  }

  /** Names, kinds, sizes: what can be refused before looking inside the files. */
  List<ModelProblem> checkFiles(List<UploadedFile> files) {
    List<ModelProblem> problems = new ArrayList<>();
    if (files.isEmpty()) {
      problems.add(new ModelProblem("—", null, message("models.upload.none")));
      return problems;
    }
    Set<String> seen = new HashSet<>();
    for (UploadedFile file : files) {
      String name = file.name() == null ? "" : file.name();
      String shown = name.isBlank() ? "—" : name;
      if (name.isBlank()) {
        problems.add(new ModelProblem(shown, null, message("models.upload.noName")));
      } else if (name.contains("/") || name.contains("\\") || name.contains("..")) {
        problems.add(new ModelProblem(shown, null, message("models.upload.path")));
      } else if (!(name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))) {
        problems.add(new ModelProblem(shown, null, message("models.upload.extension")));
      } else if (!NAME.matcher(name).matches() || name.startsWith(".")) {
        problems.add(new ModelProblem(shown, null, message("models.upload.characters")));
      } else if (!seen.add(name)) {
        problems.add(new ModelProblem(shown, null, message("models.upload.twice")));
      } else if (file.bytes().length == 0) {
        problems.add(new ModelProblem(shown, null, message("models.upload.empty")));
      } else if (file.bytes().length > MAX_FILE_BYTES) {
        problems.add(new ModelProblem(shown, null, message("models.upload.tooLarge",
            String.valueOf(file.bytes().length / 1024), String.valueOf(MAX_FILE_BYTES / 1024))));
      }
    }
    return problems;
  }

  private Outcome refused(List<String> files, List<ModelProblem> problems) {
    audit.record("model.refused", "model", String.join(", ", files), null, Map.of(
        "files", files, "problems", problems.stream().map(ModelProblem::toString).toList()));
    return new Outcome(files, List.of(), problems);
  }

  /**
   * Writes every file beside its target first, then moves each into place with an atomic rename,
   * so that Modeler or a redeploy never reads half a file.
   */
  static void writeAtomically(Map<Path, byte[]> files) {
    Map<Path, Path> temporary = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        Path target = file.getKey();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        temporary.put(temp, target);
        Files.write(temp, file.getValue());
      }
      for (Map.Entry<Path, Path> move : temporary.entrySet()) {
        Files.move(move.getKey(), move.getValue(), StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      for (Path temp : temporary.keySet()) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // nothing more to do: a stray .tmp file is never read as a model
        }
      }
      throw new UncheckedIOException(e);
    }
  }

  private static List<NewVersion> newVersions(ModelDeployer.Result result) {
    return result.definitions().stream()
        .map(d -> new NewVersion(d.key(), d.name() == null ? d.key() : d.name(), "v" + d.version(), d.decision()))
        .toList();
  }

  private static List<String> describe(List<NewVersion> versions) {
    return versions.stream().map(v -> v.key() + " " + v.version()).toList();
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, ZH);
  }
}
