package org.duban.orgadmin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.duban.infrastructure.UserError;
import org.duban.org.Departments;
import org.duban.org.People;
import org.duban.org.PersonView;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.duban.security.PersonSessions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/people: the admin's list and forms of people (admins only, by SecurityConfig's rule for
 * /admin/**).
 */
@Controller
@RequestMapping("/admin/people")
class PeopleAdminController {

  private final PeopleAdmin admin;
  private final Departments departments;
  private final People people;
  private final PersonSessions sessions;

  PeopleAdminController(
      PeopleAdmin admin, Departments departments, People people, PersonSessions sessions) {
    this.admin = admin;
    this.departments = departments;
    this.people = people;
    this.sessions = sessions;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long departmentId,
      @RequestParam(required = false) String role,
      Model model) {
    Role chosenRole = role(role);
    model.addAttribute("people", admin.search(q, departmentId, chosenRole));
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("departmentId", departmentId);
    model.addAttribute("role", chosenRole);
    model.addAttribute("departments", departments.all());
    model.addAttribute("roles", Role.values());
    return "people/list";
  }

  @GetMapping("/new")
  String newPerson(Model model) {
    return form(null, new PersonForm(), List.of(), model);
  }

  @PostMapping
  String create(@ModelAttribute PersonForm form, Model model, RedirectAttributes redirect) {
    try {
      PersonView person = admin.create(form);
      redirect.addFlashAttribute("notice", "people.created");
      return "redirect:/admin/people/" + person.id();
    } catch (UserError e) {
      form.setPassword("");
      return form(null, form, e.problems(), model);
    }
  }

  @GetMapping("/{id}")
  String edit(@PathVariable Long id, Model model) {
    PersonView person = people.get(id);
    return form(person, PersonForm.of(person), List.of(), model);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable Long id,
      @ModelAttribute PersonForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      admin.update(id, form);
      redirect.addFlashAttribute("notice", "people.updated");
      return "redirect:/admin/people/" + id;
    } catch (UserError e) {
      PersonView person = people.get(id);
      form.setUsername(person.username());
      return form(person, form, e.problems(), model);
    }
  }

  @PostMapping("/{id}/deactivate")
  String deactivate(
      @PathVariable Long id,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes redirect) {
    try {
      admin.deactivate(id, user.getUsername());
      redirect.addFlashAttribute("notice", "people.deactivated");
      return "redirect:/admin/people/" + id;
    } catch (UserError e) {
      PersonView person = people.get(id);
      model.addAttribute("deactivateProblems", e.problems());
      return form(person, PersonForm.of(person), List.of(), model);
    }
  }

  @PostMapping("/{id}/reactivate")
  String reactivate(@PathVariable Long id, Model model, RedirectAttributes redirect) {
    try {
      admin.reactivate(id);
      redirect.addFlashAttribute("notice", "people.reactivated");
      return "redirect:/admin/people/" + id;
    } catch (UserError e) {
      PersonView person = people.get(id);
      model.addAttribute("reactivateProblems", e.problems());
      return form(person, PersonForm.of(person), List.of(), model);
    }
  }

  @PostMapping("/{id}/password")
  String resetPassword(
      @PathVariable Long id,
      @RequestParam(defaultValue = "") String password,
      Model model,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    try {
      admin.resetPassword(id, password);
      // whoever is logged in as the person (with the old password, perhaps not the person) is out,
      // on every node; an admin resetting their own keeps this session
      HttpSession current = request.getSession(false);
      sessions.endAllExcept(people.get(id).username(), current == null ? null : current.getId());
      redirect.addFlashAttribute("notice", "people.passwordReset");
      return "redirect:/admin/people/" + id;
    } catch (UserError e) {
      PersonView person = people.get(id);
      model.addAttribute("passwordProblems", e.problems());
      return form(person, PersonForm.of(person), List.of(), model);
    }
  }

  private String form(PersonView person, PersonForm form, List<UserError> problems, Model model) {
    model.addAttribute("person", person);
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    model.addAttribute("departments", departments.active());
    model.addAttribute("roles", Role.values());
    return "people/person";
  }

  private static Role role(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Role.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
