package org.duban.task;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages other than the task page that complete a task (e.g. publishing an assessment): someone else
 * completed it first, so the person is told so on their task list instead of an error page. The
 * task page has its own handler, which Spring prefers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class TaskGoneAdvice {

  @ExceptionHandler(TaskGone.class)
  String gone(RedirectAttributes redirect) {
    redirect.addFlashAttribute("warning", "task.gone");
    return "redirect:/tasks";
  }
}
