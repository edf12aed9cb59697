package org.duban.security;

import org.duban.org.People;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An admin lifts a log-in lock-out: {@code POST /admin/people/{username}/unlock} (the button on a
 * locked person's page), back to that page with a message.
 */
@Controller
class UnlockController {

  private final LoginLockouts lockouts;
  private final People people;

  UnlockController(LoginLockouts lockouts, People people) {
    this.lockouts = lockouts;
    this.people = people;
  }

  @PostMapping("/admin/people/{username}/unlock")
  @PreAuthorize("hasAuthority('role_admin')")
  String unlock(@PathVariable String username, RedirectAttributes redirect) {
    boolean lifted = lockouts.unlock(username);
    redirect.addFlashAttribute("notice", lifted ? "lockout.unlocked" : "lockout.notLocked");
    return people
        .byUsername(username)
        .map(person -> "redirect:/admin/people/" + person.id())
        .orElse("redirect:/admin/people");
  }
}
