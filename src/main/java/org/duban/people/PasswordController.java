package org.duban.people;

import java.util.List;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /me/password: everyone changes their own password, giving the old one. */
@Controller
@RequestMapping("/me/password")
class PasswordController {

  private final PeopleAdmin people;

  PasswordController(PeopleAdmin people) {
    this.people = people;
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
      Model model,
      RedirectAttributes redirect) {
    try {
      people.changeOwnPassword(user.getUsername(), oldPassword, newPassword, repeatPassword);
      redirect.addFlashAttribute("notice", "people.password.changed");
      return "redirect:/me/password";
    } catch (PeopleRejected e) {
      model.addAttribute("problems", e.problems());
      return "people/password";
    }
  }
}
