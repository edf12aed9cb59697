package org.duban.assessment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.duban.task.TaskAccess;
import org.duban.task.WorkTasks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the year-end assessment: the list, opening one (supervision office), the overview per
 * department and per leader (leaders, supervision, admins), a department's own view, publishing and
 * the Excel export.
 */
@Controller
class AssessmentController {

  private final AssessmentService service;
  private final AssessmentResults results;
  private final AssessmentExport export;
  private final AssessmentTasks tasks;
  private final WorkTasks workTasks;
  private final MessageSource messages;
  private final TaskAccess access;

  AssessmentController(
      AssessmentService service,
      AssessmentResults results,
      AssessmentExport export,
      AssessmentTasks tasks,
      WorkTasks workTasks,
      MessageSource messages,
      TaskAccess access) {
    this.access = access;
    this.messages = messages;
    this.service = service;
    this.results = results;
    this.export = export;
    this.tasks = tasks;
    this.workTasks = workTasks;
  }

  @GetMapping("/assessments")
  String list(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("assessments", results.all());
    model.addAttribute("bookTitles", results.bookTitles());
    model.addAttribute("seesAll", AssessmentService.seesAll(user));
    model.addAttribute("mayOpen", AssessmentService.mayRun(user));
    return "assessment/list";
  }

  @GetMapping("/assessments/new")
  String openPage(
      @RequestParam(required = false) Long bookId,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    requireOffice(user);
    Map<Long, Integer> weights = new LinkedHashMap<>();
    if (bookId != null) {
      weights.putAll(Weights.defaults(service.areasOf(bookId)));
    }
    return openPage(bookId, weights, null, model);
  }

  private String openPage(Long bookId, Map<Long, Integer> weights, UserError error, Model model) {
    model.addAttribute("books", service.assessableBooks());
    model.addAttribute("bookId", bookId);
    model.addAttribute("areas", bookId == null ? List.of() : service.areasOf(bookId));
    model.addAttribute("weights", weights);
    model.addAttribute(
        "errorText",
        error == null ? null : messages.getMessage(error, LocaleContextHolder.getLocale()));
    return "assessment/new";
  }

  @PostMapping("/assessments")
  String open(
      @RequestParam Long bookId,
      @RequestParam Map<String, String> params,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    requireOffice(user);
    Map<Long, Integer> weights = new HashMap<>();
    Map<Long, Integer> shown = new LinkedHashMap<>();
    UserError error = null;
    for (Weights.Area area : service.areasOf(bookId)) {
      String value = params.get("weight_" + area.id());
      try {
        Integer weight = value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        if (weight != null) {
          weights.put(area.id(), weight);
          shown.put(area.id(), weight);
        }
      } catch (NumberFormatException e) {
        error = UserError.at("weights", "assessment.weights.number");
      }
    }
    if (error == null) {
      try {
        service.open(bookId, weights, user);
        // one assessment per book: the service refuses a second
        return "redirect:/assessments/" + results.assessmentIdOfBook(bookId);
      } catch (UserError rejected) {
        error = rejected;
      }
    }
    return openPage(bookId, shown, error, model);
  }

  @GetMapping("/assessments/{id}")
  String overview(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    boolean published = results.isPublished(id);
    if (!AssessmentService.seesAll(user)) {
      if (user.departmentId() == null) {
        throw new AccessDeniedException("no department");
      }
      return "redirect:/assessments/" + id + "/departments/" + user.departmentId();
    }
    model.addAttribute("overview", results.overview(id));
    model.addAttribute("mayPublish", AssessmentService.mayRun(user) && !published);
    model.addAttribute("readyToPublish", tasks.publishTask(id) != null);
    return "assessment/overview";
  }

  @GetMapping("/assessments/{id}/departments/{departmentId}")
  String department(
      @PathVariable Long id,
      @PathVariable Long departmentId,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    if (!AssessmentService.maySeeDepartment(user, departmentId)) {
      throw new AccessDeniedException("another department's score");
    }
    AssessmentResults.Overview overview = results.overview(id);
    AssessmentResults.DepartmentResult department = overview.department(departmentId);
    if (department == null) {
      throw new org.duban.infrastructure.NotFound();
    }
    model.addAttribute("overview", overview);
    model.addAttribute("department", department);
    model.addAttribute("weights", overview.weights());
    model.addAttribute("reviewTaskId", reviewTask(id, departmentId, user));
    return "assessment/department";
  }

  @PostMapping("/assessments/{id}/publish")
  String publish(
      @PathVariable Long id,
      @RequestParam(required = false) String publishComment,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes redirect) {
    requireOffice(user);
    boolean published = results.isPublished(id);
    Task task = tasks.publishTask(id);
    if (published) {
      redirect.addFlashAttribute("warning", "assessment.publish.already");
    } else if (task == null) {
      redirect.addFlashAttribute("warning", "assessment.publish.notReady");
    } else {
      Map<String, Object> values = new HashMap<>();
      values.put("publishComment", publishComment);
      workTasks.complete(task.getId(), values, user);
      redirect.addFlashAttribute("notice", "assessment.published");
    }
    return "redirect:/assessments/" + id;
  }

  @GetMapping("/assessments/{id}/export.xlsx")
  ResponseEntity<byte[]> export(
      @PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
    if (!AssessmentService.seesAll(user)) {
      throw new AccessDeniedException("the export holds every department's scores");
    }
    AssessmentExport.Download download = export.export(id, locale);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(AssessmentExport.CONTENT_TYPE))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"assessment-"
                + id
                + ".xlsx\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(
                        download.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"))
        .cacheControl(CacheControl.noStore())
        .body(download.content());
  }

  /**
   * The department's open review, when this person may take it (its head or a deputy, TaskAccess).
   */
  private String reviewTask(Long assessmentId, Long departmentId, CurrentUser user) {
    return tasks.reviewTasks(assessmentId, departmentId).stream()
        .filter(t -> access.mayWorkOn(t, user))
        .map(Task::getId)
        .findFirst()
        .orElse(null);
  }

  private static void requireOffice(CurrentUser user) {
    if (!AssessmentService.mayRun(user)) {
      throw new AccessDeniedException("only the supervision office runs assessments");
    }
  }
}
