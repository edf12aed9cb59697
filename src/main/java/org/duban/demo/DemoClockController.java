package org.duban.demo;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.duban.infrastructure.Refusals;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /demo/clock: the supervision office and admins move the clock forward and see what ran; anyone
 * else is refused (403) before anything moves (see {@link DemoClockAccess}). Not there (404)
 * outside the demo.
 */
@Controller
@RequestMapping("/demo/clock")
@ConditionalOnProperty(prefix = "duban.demo", name = "enabled", havingValue = "true")
class DemoClockController {

  private final DemoClock clock;

  DemoClockController(DemoClock clock) {
    this.clock = clock;
  }

  @GetMapping
  String page(@AuthenticationPrincipal CurrentUser user, Model model) {
    DemoClockAccess.check(user);
    model.addAttribute("clock", clock.status());
    return "demo/clock";
  }

  @PostMapping("/days")
  String moveBy(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "0") int days,
      RedirectAttributes redirect) {
    DemoClockAccess.check(user);
    return moved(() -> clock.moveBy(days, user.getUsername()), redirect);
  }

  @PostMapping("/to")
  String moveTo(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String to,
      RedirectAttributes redirect) {
    DemoClockAccess.check(user);
    LocalDateTime target;
    try {
      target = LocalDateTime.parse(to.strip());
    } catch (DateTimeParseException e) {
      redirect.addFlashAttribute("warning", "demo.clock.badDateTime");
      return "redirect:/demo/clock";
    }
    return moved(() -> clock.moveTo(target, user.getUsername()), redirect);
  }

  private String moved(
      java.util.function.Supplier<List<JobRun>> move, RedirectAttributes redirect) {
    try {
      List<JobRun> runs = move.get();
      redirect.addFlashAttribute("runs", runs);
      redirect.addFlashAttribute("notice", "demo.clock.moved");
    } catch (UserError e) {
      Refusals.flash(redirect, e);
    }
    return "redirect:/demo/clock";
  }
}
