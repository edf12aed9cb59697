package org.duban.task;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.duban.forms.FormResult;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.Refusals;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.HistoryLine;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.PeopleNames;
import org.duban.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My tasks" and the task page with its form. */
@Controller
class TaskController {

  private static final String LIST = "tasks/list";
  private static final String PAGE = "tasks/task";

  private final WorkTasks workTasks;
  private final TaskForms taskForms;
  private final AllTaskSubjects subjects;
  private final MessageSource messages;
  private final ItemHistory history;
  private final PeopleNames names;

  /** The last decisions shown above a form, so that whoever decides sees what they decide on. */
  private static final int RECENT_EVENTS = 5;

  TaskController(
      WorkTasks workTasks,
      TaskForms taskForms,
      AllTaskSubjects subjects,
      MessageSource messages,
      ItemHistory history,
      PeopleNames names) {
    this.history = history;
    this.names = names;
    this.workTasks = workTasks;
    this.taskForms = taskForms;
    this.subjects = subjects;
    this.messages = messages;
  }

  @GetMapping("/tasks")
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    WorkTasks.InboxPage inbox = workTasks.inbox(user, page);
    model.addAttribute("tasks", inbox.rows());
    model.addAttribute("page", inbox.page());
    model.addAttribute("hasNext", inbox.hasNext());
    model.addAttribute("now", EngineClock.toDate(EngineClock.now()));
    return LIST;
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(
      @PathVariable String id,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes redirect) {
    workTasks.claim(id, user);
    redirect.addFlashAttribute("notice", "task.claimed");
    return "redirect:/tasks/" + id;
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(
      @PathVariable String id,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes redirect) {
    workTasks.unclaim(id, user);
    redirect.addFlashAttribute("notice", "task.unclaimed");
    return "redirect:/tasks";
  }

  @GetMapping("/tasks/{id}")
  String show(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
    TaskForm form = taskForms.load(id, user);
    return page(form, form.values(), Map.of(), model);
  }

  @PostMapping("/tasks/{id}")
  String submit(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> params,
      @AuthenticationPrincipal CurrentUser user,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    TaskForm form = taskForms.load(id, user);
    FormResult result = taskForms.validate(form, params, locale);
    if (result.hasErrors()) {
      return page(form, redisplay(form, result), result.errors(), model);
    }
    try {
      workTasks.complete(id, result.values(), user);
    } catch (UserError rejected) {
      // the form was valid but the decision is not: show why beside the field, keep what was typed
      return page(
          form, redisplay(form, result), Refusals.byField(rejected, messages, locale), model);
    }
    redirect.addFlashAttribute("notice", "task.completed");
    return "redirect:/tasks";
  }

  /** What the user typed over what the form was filled with, so texts like the month stay. */
  private static Map<String, Object> redisplay(TaskForm form, FormResult result) {
    Map<String, Object> values = new java.util.HashMap<>(form.values());
    values.putAll(result.displayValues());
    return values;
  }

  private String page(
      TaskForm form, Map<String, ?> values, Map<String, String> errors, Model model) {
    model.addAttribute("task", form.task());
    model.addAttribute("groupTask", form.groupTask());
    model.addAttribute("form", form.definition());
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("options", form.options());
    // what the task is about (the item's facts, the book's review), from the feature that owns it
    model.addAllAttributes(subjects.pageModel(form.context()));
    List<HistoryLine> recent = List.of();
    if (form.context().workItemId() != null) {
      recent = history.recentLinesOfItem(form.context().workItemId(), RECENT_EVENTS);
    } else if (form.context().taskBookId() != null) {
      recent = history.recentLinesOfBook(form.context().taskBookId(), RECENT_EVENTS);
    }
    model.addAttribute("recentEvents", recent);
    // who did each step, by name (姓名), not by log-in
    model.addAttribute("actorNames", names.of(recent.stream().map(HistoryLine::actor).toList()));
    return PAGE;
  }

  /**
   * The person may not act on the task (another's, a step for the department's head or deputies, a
   * review of their own draft): 403 with the reason, whether they came by a link, an old page or a
   * forged post. Nothing has been changed.
   */
  @ExceptionHandler(TaskNotAllowed.class)
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.FORBIDDEN)
  String notAllowed(TaskNotAllowed e, Model model) {
    model.addAttribute("reason", e.messageKey());
    return "error/403";
  }

  /** Someone else completed the task first, or completed it at the same moment. */
  @ExceptionHandler({
    TaskGone.class,
    OptimisticLockingException.class,
    ObjectOptimisticLockingFailureException.class
  })
  String gone(RedirectAttributes redirect) {
    redirect.addFlashAttribute("warning", "task.gone");
    return "redirect:/tasks";
  }
}
