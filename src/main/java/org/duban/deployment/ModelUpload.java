package org.duban.deployment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.duban.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What an admin does with the model files from the admin page: upload changed files, or deploy what
 * is in the folders. An upload is checked with the rest of the models as they would be after it
 * (the running set, {@link ModelDeployer#current()}, with the uploaded files in place); only when
 * that bundle is accepted and deployed are the files stored, in the database ({@link ModelStore})
 * in the same transaction, so that every node deploys them from then on. A refused upload stores
 * nothing and deploys nothing. The folders are never written: they are what a new installation
 * starts from.
 */
@Service
public class ModelUpload {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  /** Largest file accepted: Modeler's files are a few dozen KB. */
  public static final int MAX_FILE_BYTES = 1024 * 1024;

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");

  private final ModelDeployer deployer;
  private final ModelStore store;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Object lock = new Object();

  ModelUpload(ModelDeployer deployer, ModelStore store, AuditLog audit, MessageSource messages) {
    this.deployer = deployer;
    this.store = store;
    this.audit = audit;
    this.messages = messages;
  }

  /** One uploaded file as the browser sent it. */
  public record UploadedFile(String name, byte[] bytes) {}

  /** A definition that got a new version. */
  public record NewVersion(String key, String name, String version, boolean decision)
      implements Serializable {}

  /** What came of an upload or a redeploy: the files, the new versions, or the problems. */
  public record Outcome(
      List<String> files, List<NewVersion> newVersions, List<ModelProblem> problems) {

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
      Map<String, byte[]> files = new TreeMap<>();
      for (UploadedFile file : uploaded) {
        boolean form = file.name().endsWith(".form");
        files.put((form ? ModelBundle.FORMS : ModelBundle.PROCESSES) + file.name(), file.bytes());
      }
      ModelDeployer.Result result =
          deployer.deploy(
              deployer.current().with(files),
              deployed -> {
                store.store(files, ModelStore.Origin.UPLOAD);
                audit.record(
                    "model.upload",
                    "model",
                    String.join(", ", names),
                    null,
                    Map.of("files", names, "newVersions", describe(newVersions(deployed))));
              });
      if (result.isRejected()) {
        return refused(names, result.problems());
      }
      return new Outcome(names, newVersions(result), List.of());
    }
  }

  /**
   * "从目录重新部署": the starting set as this node reads it (its folders, or the packaged models) becomes
   * what runs on every node. Each of its files that differs from what the nodes run is stored as if
   * uploaded; one that is the packaged file again takes the stored file's place by removing it. The
   * whole is checked and deployed. An admin who edited a node's folder in Modeler uses it; on a
   * node without folders it puts the packaged models back in place of uploaded ones. Uploaded files
   * the starting set does not have stay.
   */
  public Outcome redeployFolders() {
    synchronized (lock) {
      List<String> files = List.of(ModelBundle.PROCESSES, ModelBundle.FORMS);
      Map<String, byte[]> stored = store.contents();
      Map<String, byte[]> packaged = packaged();
      Map<String, byte[]> changed = new TreeMap<>();
      ModelBundle.read(deployer.folders())
          .resources()
          .forEach(
              (resource, bytes) -> {
                byte[] running =
                    stored.containsKey(resource) ? stored.get(resource) : packaged.get(resource);
                if (!Arrays.equals(bytes, running)) {
                  changed.put(resource, bytes);
                }
              });
      ModelDeployer.Result result =
          deployer.deploy(
              deployer.current().with(changed),
              deployed -> {
                keep(changed, packaged, ModelStore.Origin.FOLDER);
                audit.record(
                    "model.deploy",
                    "model",
                    String.join(", ", files),
                    null,
                    Map.of(
                        "deployments",
                            deployed.deployed().stream().map(ModelDeployer.Deployed::name).toList(),
                        "files", List.copyOf(changed.keySet()),
                        "newVersions", describe(newVersions(deployed))));
              });
      if (result.isRejected()) {
        return refused(files, result.problems());
      }
      return new Outcome(files, newVersions(result), List.of());
    }
  }

  /**
   * Stores the files for every node; a file that is the packaged one again is removed from the
   * store instead, so that the store holds only what differs from the release, and a later
   * release's packaged file is not hidden behind a copy of an older one.
   */
  private void keep(
      Map<String, byte[]> files, Map<String, byte[]> packaged, ModelStore.Origin origin) {
    Map<String, byte[]> toStore = new TreeMap<>();
    List<String> toForget = new ArrayList<>();
    files.forEach(
        (resource, bytes) -> {
          if (Arrays.equals(bytes, packaged.get(resource))) {
            toForget.add(resource);
          } else {
            toStore.put(resource, bytes);
          }
        });
    store.store(toStore, origin);
    store.forget(toForget);
  }

  /** The models packaged in the jar; none when run from a build that did not package them. */
  private static Map<String, byte[]> packaged() {
    try {
      return ModelBundle.read(ModelFolders.packaged()).resources();
    } catch (IllegalStateException notPackaged) {
      return Map.of();
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
        problems.add(
            new ModelProblem(
                shown,
                null,
                message(
                    "models.upload.tooLarge",
                    String.valueOf(file.bytes().length / 1024),
                    String.valueOf(MAX_FILE_BYTES / 1024))));
      }
    }
    return problems;
  }

  private Outcome refused(List<String> files, List<ModelProblem> problems) {
    audit.record(
        "model.refused",
        "model",
        String.join(", ", files),
        null,
        Map.of("files", files, "problems", problems.stream().map(ModelProblem::toString).toList()));
    return new Outcome(files, List.of(), problems);
  }

  private static List<NewVersion> newVersions(ModelDeployer.Result result) {
    return result.definitions().stream()
        .map(
            d ->
                new NewVersion(
                    d.key(),
                    d.name() == null ? d.key() : d.name(),
                    "v" + d.version(),
                    d.decision()))
        .toList();
  }

  private static List<String> describe(List<NewVersion> versions) {
    return versions.stream().map(v -> v.key() + " " + v.version()).toList();
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, ZH);
  }
}
