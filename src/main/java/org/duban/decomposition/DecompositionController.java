package org.duban.decomposition;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.duban.book.TaskBookQueries;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decomposition table (分解表) in Excel: template download, import into a draft (upload, preview,
 * confirm) and export of a book with its live state.
 */
@Controller
class DecompositionController {

  static final String UPLOAD = "decomposition/upload";
  static final String PREVIEW = "decomposition/preview";

  private final DecompositionImportService imports;
  private final DecompositionExportService exports;
  private final DecompositionTemplate template;
  private final TaskBookQueries books;
  private final MessageSource messages;
  private final ImportNameMapping names;

  DecompositionController(
      DecompositionImportService imports,
      DecompositionExportService exports,
      DecompositionTemplate template,
      TaskBookQueries books,
      MessageSource messages,
      ImportNameMapping names) {
    this.imports = imports;
    this.exports = exports;
    this.template = template;
    this.books = books;
    this.messages = messages;
    this.names = names;
  }

  @GetMapping("/books/template.xlsx")
  ResponseEntity<byte[]> template(Locale locale) {
    return Downloads.xlsx(template.template(locale), "decomposition-template.xlsx");
  }

  @GetMapping("/books/{id}/export.xlsx")
  ResponseEntity<byte[]> export(
      @PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
    return Downloads.xlsx(exports.export(id, user, locale), "book-" + id + "-decomposition.xlsx");
  }

  @GetMapping("/books/{id}/import")
  String uploadPage(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    imports.requireImporter(id, user);
    return uploadPage(id, model, List.of(), List.of());
  }

  @PostMapping("/books/{id}/import")
  String upload(
      @PathVariable Long id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    imports.requireImporter(id, user);
    List<ImportProblem> refused = List.of();
    if (file == null
        || file.getOriginalFilename() == null
        || file.getOriginalFilename().isBlank()) {
      refused = List.of(ImportProblem.ofFile("file.missing"));
    } else if (file.getSize() > DecompositionReader.MAX_BYTES) {
      refused =
          List.of(
              ImportProblem.ofFile("file.tooLarge", DecompositionReader.megabytes(file.getSize())));
    }
    if (!refused.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return uploadPage(id, model, texts(refused, locale), List.of());
    }
    DecompositionImportService.Uploaded uploaded =
        imports.upload(id, file.getOriginalFilename(), file.getBytes(), user);
    if (uploaded.uploadId() != null && uploaded.plan().isClean()) {
      return "redirect:/books/" + id + "/import/" + uploaded.uploadId();
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("fileName", DecompositionImportService.fileName(file.getOriginalFilename()));
    model.addAttribute("problemKinds", kinds(uploaded.plan(), locale));
    model.addAttribute("refusedFile", true);
    if (uploaded.uploadId() != null) {
      // kept for the name screen: its unknown names can be mapped or created without uploading
      // again
      nameScreen(id, uploaded.uploadId(), uploaded.plan(), user, model);
    }
    return uploadPage(
        id, model, texts(uploaded.plan().problems(), locale), rows(uploaded.plan(), locale));
  }

  /** The person's file with a 问题 column added; the file is checked again and nothing is stored. */
  @PostMapping("/books/{id}/import/problems.xlsx")
  ResponseEntity<byte[]> problemSheet(
      @PathVariable Long id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @AuthenticationPrincipal CurrentUser user,
      Locale locale)
      throws IOException {
    imports.requireImporter(id, user);
    if (file == null || file.isEmpty() || file.getSize() > DecompositionReader.MAX_BYTES) {
      return ResponseEntity.unprocessableEntity().build();
    }
    return problemSheet(imports.check(id, file.getBytes(), user), locale);
  }

  @GetMapping("/books/{id}/import/{uploadId}/problems.xlsx")
  ResponseEntity<byte[]> problemSheetOfUpload(
      @PathVariable Long id,
      @PathVariable Long uploadId,
      @AuthenticationPrincipal CurrentUser user,
      Locale locale) {
    try {
      return problemSheet(imports.checkUpload(id, uploadId, user), locale);
    } catch (UploadGone gone) {
      // confirmed, discarded, or someone else's: there is no such sheet for this person
      return ResponseEntity.notFound().build();
    }
  }

  private ResponseEntity<byte[]> problemSheet(
      DecompositionImportService.Checked checked, Locale locale) {
    byte[] content =
        ProblemSheet.write(
            checked.read(),
            checked.plan().problems(),
            problem -> problem.message(messages, locale),
            messages.getMessage("decomposition.problemSheet.sheet", null, locale),
            messages.getMessage("decomposition.problemSheet.row", null, locale),
            messages.getMessage("decomposition.problemSheet.problems", null, locale));
    return Downloads.xlsx(
        new DecompositionExportService.Download(
            messages.getMessage("decomposition.problemSheet.fileName", null, locale), content),
        "decomposition-problems.xlsx");
  }

  @GetMapping("/books/{id}/import/{uploadId}")
  String preview(
      @PathVariable Long id,
      @PathVariable Long uploadId,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    DecompositionImportService.Preview preview;
    try {
      preview = imports.preview(id, uploadId, user);
    } catch (UploadGone gone) {
      redirect.addFlashAttribute("warning", "decomposition.upload.gone");
      return "redirect:/books/" + id + "/import";
    }
    if (!preview.plan().isClean()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      nameScreen(id, uploadId, preview.plan(), user, model);
    }
    return previewPage(id, preview.uploadId(), preview.fileName(), preview.plan(), model, locale);
  }

  @PostMapping("/books/{id}/import/{uploadId}")
  String confirm(
      @PathVariable Long id,
      @PathVariable Long uploadId,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      DecompositionImportService.Imported imported = imports.confirm(id, uploadId, user);
      redirect.addFlashAttribute(
          "notice",
          imported.created() > 0 ? "decomposition.imported" : "decomposition.importedNothing");
      return "redirect:/books/" + id + "/edit";
    } catch (UploadGone gone) {
      redirect.addFlashAttribute("warning", "decomposition.upload.gone");
      return "redirect:/books/" + id + "/import";
    } catch (UserError rejected) {
      // refused with the plan that found the problems: the preview is shown again with them
      ImportPlan plan = rejected.detail(ImportPlan.class).orElseThrow(() -> rejected);
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      nameScreen(id, uploadId, plan, user, model);
      return previewPage(id, uploadId, null, plan, model, locale);
    }
  }

  /**
   * The name screen's choices for every unknown name at once; then the preview is planned again
   * with them. A refused choice writes nothing and shows the screen again with what was wrong.
   */
  @PostMapping("/books/{id}/import/{uploadId}/names")
  String mapNames(
      @PathVariable Long id,
      @PathVariable Long uploadId,
      @ModelAttribute("nameForm") NameMappingForm form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    List<String> refused;
    try {
      names.apply(id, uploadId, form, user);
      redirect.addFlashAttribute("notice", "decomposition.names.saved");
      return "redirect:/books/" + id + "/import/" + uploadId;
    } catch (UploadGone gone) {
      redirect.addFlashAttribute("warning", "decomposition.upload.gone");
      return "redirect:/books/" + id + "/import";
    } catch (UserError rejected) {
      // a choice's problem concerns its name (the field); the hospital's own checks concern none
      refused =
          rejected.problems().stream()
              .map(p -> nameProblem(p.field() == null ? "" : p.field(), p, locale))
              .toList();
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    DecompositionImportService.Preview preview = imports.preview(id, uploadId, user);
    nameScreen(id, uploadId, preview.plan(), user, model);
    model.addAttribute("nameProblems", refused);
    return previewPage(id, preview.uploadId(), preview.fileName(), preview.plan(), model, locale);
  }

  private void nameScreen(Long id, Long uploadId, ImportPlan plan, CurrentUser user, Model model) {
    ImportNameMapping.NameScreen screen = names.screen(plan, user);
    if (!screen.isEmpty()) {
      model.addAttribute("names", screen);
      model.addAttribute("namesAction", "/books/" + id + "/import/" + uploadId + "/names");
    }
  }

  private String nameProblem(String name, UserError problem, Locale locale) {
    String message = messages.getMessage(problem, locale);
    return name.isEmpty()
        ? message
        : messages.getMessage("decomposition.names.problem", new Object[] {name, message}, locale);
  }

  @PostMapping("/books/{id}/import/{uploadId}/discard")
  String discard(
      @PathVariable Long id,
      @PathVariable Long uploadId,
      @AuthenticationPrincipal CurrentUser user) {
    imports.discard(id, uploadId, user);
    return "redirect:/books/" + id + "/import";
  }

  String uploadPage(Long id, Model model, List<String> problems, List<RowView> rows) {
    model.addAttribute("book", books.summary(id));
    model.addAttribute("problems", problems);
    model.addAttribute("rows", rows);
    model.addAttribute("maxBytes", DecompositionReader.MAX_BYTES);
    if (!model.containsAttribute("problemKinds")) {
      model.addAttribute("problemKinds", List.of());
    }
    return UPLOAD;
  }

  private String previewPage(
      Long id, Long uploadId, String fileName, ImportPlan plan, Model model, Locale locale) {
    model.addAttribute("book", books.summary(id));
    model.addAttribute("uploadId", uploadId);
    model.addAttribute("fileName", fileName);
    model.addAttribute("plan", plan);
    model.addAttribute("problems", texts(plan.problems(), locale));
    model.addAttribute("problemKinds", kinds(plan, locale));
    model.addAttribute("rows", rows(plan, locale));
    return PREVIEW;
  }

  /** "部门名称无法识别：3 处", by kind in the order the kinds first come. */
  List<String> kinds(ImportPlan plan, Locale locale) {
    return plan.problemKinds().stream()
        .map(
            k ->
                messages.getMessage(
                    "decomposition.problemKind." + k.kind(), new Object[] {k.count()}, locale))
        .toList();
  }

  List<String> texts(List<ImportProblem> problems, Locale locale) {
    return problems.stream().map(p -> p.text(messages, locale)).toList();
  }

  private List<RowView> rows(ImportPlan plan, Locale locale) {
    return plan.rows().stream().map(row -> RowView.of(row, texts(row.problems(), locale))).toList();
  }

  /** A row of the preview table. */
  record RowView(
      int rowNumber,
      String seq,
      String goalArea,
      boolean newGoalArea,
      String title,
      String targetText,
      String leadDepartment,
      String collaborators,
      String leaderInCharge,
      String deadline,
      PlannedRow.Status status,
      List<String> problems,
      List<String> indicators) {

    static RowView of(PlannedRow row, List<String> problems) {
      return new RowView(
          row.rowNumber(),
          row.seq(),
          row.goalArea(),
          row.newGoalArea(),
          row.title(),
          row.targetText(),
          row.leadDepartment(),
          String.join("、", row.collaborators()),
          row.leaderInCharge(),
          row.deadlineText(),
          row.status(),
          problems,
          row.indicators().stream().map(PlannedIndicator::describe).toList());
    }

    public String statusClass() {
      return switch (status) {
        case NEW -> "light light-green";
        case EXISTING -> "light light-none";
        case INVALID -> "light light-red";
      };
    }
  }
}
