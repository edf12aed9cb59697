package org.duban.supervision;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.duban.checkin.CheckInRounds;
import org.duban.light.RunningSweep;
import org.duban.light.SweepAlreadyRunning;
import org.duban.light.WeeklySupervisionService;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervision office's queue of escalations, and "run now" for the timed processes. */
@Controller
class SupervisionController {

  private final SupervisionQueries queries;
  private final WeeklySupervisionService weekly;
  private final CheckInRounds checkInRounds;
  private final MessageSource messages;

  SupervisionController(
      SupervisionQueries queries,
      WeeklySupervisionService weekly,
      CheckInRounds checkInRounds,
      MessageSource messages) {
    this.messages = messages;
    this.queries = queries;
    this.weekly = weekly;
    this.checkInRounds = checkInRounds;
  }

  @GetMapping("/supervision")
  String queue(@AuthenticationPrincipal CurrentUser user, Model model) {
    requireOffice(user);
    model.addAttribute("escalations", queries.openQueue());
    model.addAttribute("lastSweep", weekly.lastSweep().orElse(null));
    model.addAttribute("runningSweep", weekly.runningSweep().orElse(null));
    return "supervision/queue";
  }

  /**
   * A running sweep's progress in the reader's language; the queue page polls it and reloads when
   * it ends.
   */
  public record SweepStatus(boolean running, long itemsDone, Integer itemCount, String text) {}

  @GetMapping(value = "/supervision/sweep/status", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  SweepStatus sweepStatus(@AuthenticationPrincipal CurrentUser user, Locale locale) {
    requireOffice(user);
    return weekly
        .runningSweep()
        .map(
            running ->
                new SweepStatus(
                    true, running.itemsDone(), running.itemCount(), progressText(running, locale)))
        .orElseGet(
            () ->
                new SweepStatus(
                    false,
                    0,
                    null,
                    messages.getMessage("supervision.sweep.finished", null, locale)));
  }

  private String progressText(RunningSweep running, Locale locale) {
    String startedAt = running.startedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    String by =
        running.startedBy() == null
            ? messages.getMessage("supervision.sweep.byTimer", null, locale)
            : running.startedBy();
    return running.itemCount() == null
        ? messages.getMessage(
            "supervision.sweep.progressNoTotal",
            new Object[] {running.itemsDone(), startedAt, by},
            locale)
        : messages.getMessage(
            "supervision.sweep.progress",
            new Object[] {running.itemsDone(), running.itemCount(), startedAt, by},
            locale);
  }

  @PostMapping("/supervision/sweep")
  String runSweep(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    requireOperator(user);
    try {
      weekly.runNow(user.getUsername());
    } catch (SweepAlreadyRunning refused) {
      redirect.addFlashAttribute("sweepRunning", refused.running());
      return "redirect:/supervision";
    }
    // the sweep's jobs run in the background: the queue page shows its progress until it ends
    redirect.addFlashAttribute("notice", "supervision.sweep.started");
    return "redirect:/supervision";
  }

  @PostMapping("/supervision/check-in-round")
  String openCheckInRound(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    requireOperator(user);
    checkInRounds.openNow(user.getUsername());
    redirect.addFlashAttribute("notice", "supervision.checkInRound.done");
    return "redirect:/supervision";
  }

  private static void requireOffice(CurrentUser user) {
    if (!(user.has(Role.SUPERVISION) || user.has(Role.LEADER) || user.has(Role.ADMIN))) {
      throw new AccessDeniedException("supervision queue");
    }
  }

  /** Running a timed process by hand is for the office that owns it and for admins. */
  private static void requireOperator(CurrentUser user) {
    if (!(user.has(Role.SUPERVISION) || user.has(Role.ADMIN))) {
      throw new AccessDeniedException("run timed process");
    }
  }
}
