package org.duban.supervision;

import org.duban.checkin.CheckInRounds;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervision office's queue of escalations, and "run now" for the timed processes. */
@Controller
class SupervisionController {

  private final SupervisionQueries queries;
  private final WeeklySupervisionService weekly;
  private final CheckInRounds checkInRounds;

  SupervisionController(SupervisionQueries queries, WeeklySupervisionService weekly, CheckInRounds checkInRounds) {
    this.queries = queries;
    this.weekly = weekly;
    this.checkInRounds = checkInRounds;
  }

  @GetMapping("/supervision")
  String queue(@AuthenticationPrincipal CurrentUser user, Model model) {
    requireOffice(user);
    model.addAttribute("escalations", queries.openQueue());
    model.addAttribute("lastSweep", weekly.lastSweep().orElse(null));
    return "supervision/queue";
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
    redirect.addFlashAttribute("notice", "supervision.sweep.done");
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
