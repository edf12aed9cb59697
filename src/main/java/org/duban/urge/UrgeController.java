package org.duban.urge;

import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The urge form on the item page posts here; the answer is shown back on the item page. */
@Controller
class UrgeController {

  private final UrgeService urges;

  UrgeController(UrgeService urges) {
    this.urges = urges;
  }

  @PostMapping("/items/{id}/urge")
  String urge(
      @PathVariable Long id,
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(name = "message", required = false) String message,
      RedirectAttributes redirect) {
    try {
      urges.urge(id, user, message);
      redirect.addFlashAttribute("urgeDone", true);
    } catch (UserError rejected) {
      redirect.addFlashAttribute("urgeWarning", rejected.key());
      redirect.addFlashAttribute("urgeWarningArgs", rejected.args());
      // what was typed stays in the box, so a too long message can be shortened
      redirect.addFlashAttribute("urgeMessage", message);
    }
    return "redirect:/items/" + id + "#urge";
  }
}
