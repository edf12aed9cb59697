package org.duban.orgadmin;

import java.util.List;
import org.duban.infrastructure.UserError;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentView;
import org.duban.org.Departments;
import org.duban.org.People;
import org.duban.security.CurrentUser;
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

/** /admin/departments: the admin's list and forms of departments (admins only). */
@Controller
@RequestMapping("/admin/departments")
class DepartmentAdminController {

  private final DepartmentAdmin admin;
  private final Departments departments;
  private final People people;
  private final HospitalNames names;

  DepartmentAdminController(
      DepartmentAdmin admin, Departments departments, People people, HospitalNames names) {
    this.admin = admin;
    this.departments = departments;
    this.people = people;
    this.names = names;
  }

  /** A line of the list: the department, who leads it and how many members it has. */
  record DepartmentRow(
      DepartmentView department,
      String head,
      List<String> deputies,
      int members,
      boolean nobodyToAct) {}

  @GetMapping
  String list(Model model) {
    List<DepartmentView> empty = departments.withoutAnyoneToAct();
    List<DepartmentRow> rows =
        departments.all().stream()
            .map(
                d ->
                    new DepartmentRow(
                        d,
                        people.fullNameOf(d.headPersonId()),
                        d.deputyIds().stream().map(people::fullNameOf).toList(),
                        people.membersOf(d.id()).size(),
                        empty.stream().anyMatch(e -> e.id().equals(d.id()))))
            .toList();
    model.addAttribute("rows", rows);
    // named at the top: work issued to them would reach nobody (refused, or sent to the supervision
    // office)
    model.addAttribute("withoutHead", empty);
    return "people/departments";
  }

  @GetMapping("/new")
  String newDepartment(Model model) {
    return form(null, new DepartmentForm(), List.of(), model);
  }

  @PostMapping
  String create(@ModelAttribute DepartmentForm form, Model model, RedirectAttributes redirect) {
    try {
      DepartmentView department = admin.create(form);
      redirect.addFlashAttribute("notice", "department.created");
      return "redirect:/admin/departments/" + department.id();
    } catch (UserError e) {
      return form(null, form, e.problems(), model);
    }
  }

  @GetMapping("/{id}")
  String edit(@PathVariable Long id, Model model) {
    DepartmentView department = departments.get(id);
    return form(department, DepartmentForm.of(department), List.of(), model);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable Long id,
      @ModelAttribute DepartmentForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      admin.update(id, form);
      redirect.addFlashAttribute("notice", "department.updated");
      return "redirect:/admin/departments/" + id;
    } catch (UserError e) {
      DepartmentView department = departments.get(id);
      form.setCode(department.code());
      return form(department, form, e.problems(), model);
    }
  }

  @PostMapping("/{id}/head")
  String lead(
      @PathVariable Long id,
      @RequestParam(required = false) Long headId,
      @RequestParam(required = false) List<Long> deputyIds,
      Model model,
      RedirectAttributes redirect) {
    try {
      admin.lead(id, headId, deputyIds);
      redirect.addFlashAttribute("notice", "department.headSaved");
      return "redirect:/admin/departments/" + id;
    } catch (UserError e) {
      DepartmentView department = departments.get(id);
      model.addAttribute("headProblems", e.problems());
      return form(department, DepartmentForm.of(department), List.of(), model);
    }
  }

  @PostMapping("/{id}/deactivate")
  String deactivate(@PathVariable Long id, Model model, RedirectAttributes redirect) {
    try {
      admin.deactivate(id);
      redirect.addFlashAttribute("notice", "department.deactivated");
      return "redirect:/admin/departments/" + id;
    } catch (UserError e) {
      DepartmentView department = departments.get(id);
      model.addAttribute("deactivateProblems", e.problems());
      return form(department, DepartmentForm.of(department), List.of(), model);
    }
  }

  @PostMapping("/{id}/reactivate")
  String reactivate(@PathVariable Long id, RedirectAttributes redirect) {
    admin.reactivate(id);
    redirect.addFlashAttribute("notice", "department.reactivated");
    return "redirect:/admin/departments/" + id;
  }

  /** Another name the hospital's tables use for the department (医务科 for 医务部). */
  @PostMapping("/{id}/aliases")
  String addAlias(
      @PathVariable Long id,
      @RequestParam(required = false) String alias,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes redirect) {
    try {
      names.addDepartmentAlias(id, alias, user.getUsername());
      redirect.addFlashAttribute("notice", "department.alias.added");
      return "redirect:/admin/departments/" + id;
    } catch (UserError e) {
      DepartmentView department = departments.get(id);
      model.addAttribute("aliasProblems", e.problems());
      model.addAttribute("aliasTyped", alias);
      return form(department, DepartmentForm.of(department), List.of(), model);
    }
  }

  @PostMapping("/{id}/aliases/{aliasId}/remove")
  String removeAlias(
      @PathVariable Long id, @PathVariable Long aliasId, RedirectAttributes redirect) {
    names.removeDepartmentAlias(id, aliasId);
    redirect.addFlashAttribute("notice", "department.alias.removed");
    return "redirect:/admin/departments/" + id;
  }

  private String form(
      DepartmentView department, DepartmentForm form, List<UserError> problems, Model model) {
    model.addAttribute("department", department);
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    model.addAttribute("kinds", DepartmentKind.values());
    if (department != null) {
      model.addAttribute("members", people.membersOf(department.id()));
      model.addAttribute("leaders", people.leaderNamesOf(department.id()));
      model.addAttribute("aliases", names.aliasesOf(department.id()));
    }
    return "people/department";
  }
}
