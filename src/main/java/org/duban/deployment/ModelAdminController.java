package org.duban.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.deployment.ModelCatalog.Definition;
import org.duban.deployment.ModelCatalog.Version;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/models: the processes and decisions the engine runs, their versions and diagrams, upload
 * and redeploy of the model files, and the open incidents with retry (admins only, by
 * SecurityConfig's rule for /admin/**). Migration of instances is {@code
 * /admin/models/{key}/migrate}.
 */
@Controller
@RequestMapping("/admin/models")
class ModelAdminController {

  private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

  private final ModelCatalog catalog;
  private final ModelUpload upload;
  private final OpenIncidents incidents;
  private final ModelDeployer deployer;
  private final ModelStore store;

  ModelAdminController(
      ModelCatalog catalog,
      ModelUpload upload,
      OpenIncidents incidents,
      ModelDeployer deployer,
      ModelStore store) {
    this.catalog = catalog;
    this.upload = upload;
    this.incidents = incidents;
    this.deployer = deployer;
    this.store = store;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("processes", catalog.processes());
    model.addAttribute("decisions", catalog.decisions());
    model.addAttribute("incidents", incidents.list());
    model.addAttribute("startingSet", deployer.folders().describe());
    model.addAttribute("storedModels", store.list());
    model.addAttribute("maxUploadKb", String.valueOf(ModelUpload.MAX_FILE_BYTES / 1024));
    return "deployment/models";
  }

  @GetMapping("/{key:[A-Za-z0-9_.-]+}")
  String definition(
      @PathVariable String key, @RequestParam(required = false) Integer version, Model model) {
    Definition definition =
        catalog
            .definition(key)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Version shown =
        (version == null ? Optional.<Version>empty() : definition.version(version))
            .orElse(definition.latest());
    model.addAttribute("definition", definition);
    model.addAttribute("shown", shown);
    if (!definition.decision()) {
      model.addAttribute("activities", catalog.activities(shown.definitionId()));
    }
    return "deployment/model";
  }

  @GetMapping("/{key:[A-Za-z0-9_.-]+}/versions/{version:[0-9]+}/xml")
  ResponseEntity<byte[]> xml(@PathVariable String key, @PathVariable int version) {
    return catalog
        .xml(key, version)
        .map(xml -> ResponseEntity.ok().contentType(XML).body(xml))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @PostMapping("/upload")
  String upload(
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Model model,
      RedirectAttributes redirect) {
    List<ModelUpload.UploadedFile> uploaded = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (file.isEmpty()
          && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
        continue; // the empty file input of a form sent without a choice
      }
      uploaded.add(new ModelUpload.UploadedFile(file.getOriginalFilename(), bytes(file)));
    }
    ModelUpload.Outcome outcome = upload.upload(uploaded);
    return shown(outcome, "upload", model, redirect);
  }

  @PostMapping("/redeploy")
  String redeploy(Model model, RedirectAttributes redirect) {
    return shown(upload.redeployFolders(), "redeploy", model, redirect);
  }

  @PostMapping("/incidents/{id:[A-Za-z0-9_:-]+}/retry")
  String retry(@PathVariable String id, RedirectAttributes redirect) {
    if (incidents.retry(id)) {
      redirect.addFlashAttribute("notice", "models.incident.retried");
    } else {
      redirect.addFlashAttribute("warning", "models.incident.notFound");
    }
    return "redirect:/admin/models#incidents";
  }

  private String shown(
      ModelUpload.Outcome outcome, String kind, Model model, RedirectAttributes redirect) {
    if (outcome.isRejected()) {
      model.addAttribute("problems", outcome.problems());
      model.addAttribute("refusedFiles", String.join("、", outcome.files()));
      return page(model);
    }
    redirect.addFlashAttribute("deployKind", kind);
    redirect.addFlashAttribute("deployedFiles", String.join("、", outcome.files()));
    redirect.addFlashAttribute("newVersions", new ArrayList<>(outcome.newVersions()));
    return "redirect:/admin/models";
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
