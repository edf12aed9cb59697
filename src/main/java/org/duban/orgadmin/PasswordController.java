package org.duban.orgadmin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.duban.security.LoginLockouts;
import org.duban.security.PersonSessions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /me/password: everyone changes their own password, giving the old one. The old password is a
 * password check like the log-in's: a wrong one counts toward the lock-out (so a session left open
 * is no way to guess it), and a locked name changes nothing. A change ends the person's other
 * sessions on every node; this one stays.
 */
@Controller
@RequestMapping("/me/password")
class PasswordController {

  private final PeopleAdmin people;
  private final LoginLockouts lockouts;
  private final PersonSessions sessions;

  PasswordController(PeopleAdmin people, LoginLockouts lockouts, PersonSessions sessions) {
    this.people = people;
    this.lockouts = lockouts;
    this.sessions = sessions;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("problems", List.of());
    return "people/password";
  }

  @PostMapping
  String change(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String oldPassword,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String repeatPassword,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    String username = user.getUsername();
    Optional<Long> locked = lockouts.minutesLocked(username);
    if (locked.isPresent()) {
      lockouts.recordRefusedWhileLocked(username);
      model.addAttribute("problems", List.of(new UserError("login.locked", locked.get())));
      return "people/password";
    }
    try {
      people.changeOwnPassword(username, oldPassword, newPassword, repeatPassword);
    } catch (UserError e) {
      List<UserError> problems = new ArrayList<>(e.problems());
      if (problems.stream().anyMatch(p -> PeopleAdmin.OLD_PASSWORD_WRONG.equals(p.key()))) {
        // after the refusal's transaction: the count must stay although nothing else was written
        lockouts
            .recordFailure(username)
            .ifPresent(minutes -> problems.add(new UserError("login.locked", minutes)));
      }
      model.addAttribute("problems", problems);
      return "people/password";
    }
    HttpSession current = request.getSession(false);
    sessions.endAllExcept(username, current == null ? null : current.getId());
    redirect.addFlashAttribute("notice", "people.password.changed");
    return "redirect:/me/password";
  }
}
