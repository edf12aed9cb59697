package org.duban.migration;

import org.duban.migration.InstanceMigration.Outcome;
import org.duban.migration.InstanceMigration.SameVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Preview and move the running instances of a process's older versions (admins, {@code /admin/**}).
 */
@Controller
class MigrationController {

  private final InstanceMigration migration;

  MigrationController(InstanceMigration migration) {
    this.migration = migration;
  }

  @GetMapping("/admin/models/{key:[A-Za-z0-9_.-]+}/migrate")
  String page(@PathVariable String key, @RequestParam(required = false) Integer from, Model model) {
    model.addAttribute("processKey", key);
    model.addAttribute("versions", migration.versions(key));
    if (from != null) {
      try {
        model.addAttribute("preview", migration.preview(key, from));
      } catch (SameVersion latest) {
        model.addAttribute("warning", "migration.alreadyLatest");
      }
    }
    return "migration/migrate";
  }

  @PostMapping("/admin/models/{key:[A-Za-z0-9_.-]+}/migrate")
  String migrate(@PathVariable String key, @RequestParam int from, RedirectAttributes redirect) {
    try {
      Outcome outcome = migration.migrate(key, from);
      redirect.addFlashAttribute("outcome", outcome);
      redirect.addFlashAttribute("outcomeFrom", from);
    } catch (SameVersion latest) {
      redirect.addFlashAttribute("warning", "migration.alreadyLatest");
    }
    return "redirect:/admin/models/" + key + "/migrate";
  }
}
