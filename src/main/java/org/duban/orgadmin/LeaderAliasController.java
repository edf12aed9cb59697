package org.duban.orgadmin;

import java.util.Locale;
import org.duban.infrastructure.Refusals;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/people/{id}/aliases: the other names a leader goes by in the hospital's tables (业务副院长),
 * added and removed by an admin on the person's page (admins only, by SecurityConfig's rule for
 * /admin/**). A refusal is shown as a flash message on that page.
 */
@Controller
@RequestMapping("/admin/people/{id}/aliases")
class LeaderAliasController {

  private final HospitalNames names;
  private final MessageSource messages;

  LeaderAliasController(HospitalNames names, MessageSource messages) {
    this.names = names;
    this.messages = messages;
  }

  @PostMapping
  String add(
      @PathVariable Long id,
      @RequestParam(required = false) String alias,
      @AuthenticationPrincipal CurrentUser user,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      names.addLeaderAlias(id, alias, user.getUsername());
      redirect.addFlashAttribute("notice", "department.alias.added");
    } catch (UserError e) {
      // as texts: flash attributes live in the (JDBC) session, which keeps only what serialises
      redirect.addFlashAttribute(
          "aliasProblems", new java.util.ArrayList<>(Refusals.messages(e, messages, locale)));
    }
    return "redirect:/admin/people/" + id;
  }

  @PostMapping("/{aliasId}/remove")
  String remove(@PathVariable Long id, @PathVariable Long aliasId, RedirectAttributes redirect) {
    names.removeLeaderAlias(id, aliasId);
    redirect.addFlashAttribute("notice", "department.alias.removed");
    return "redirect:/admin/people/" + id;
  }
}
