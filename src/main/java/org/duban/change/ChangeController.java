package org.duban.change;

import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.book.ItemSummary;
import org.duban.book.TaskBookQueries;
import org.duban.book.WorkItemQueries;
import org.duban.infrastructure.Refusals;
import org.duban.infrastructure.UserError;
import org.duban.org.Departments;
import org.duban.org.People;
import org.duban.org.PeopleNames;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Proposing a change of an issued item, and the versions of a book with what changed between them.
 */
@Controller
class ChangeController {

  private static final String PROPOSE = "change/propose";
  private static final String VERSIONS = "change/versions";

  private final ChangeService changes;
  private final BookVersions versions;
  private final WorkItemQueries items;
  private final TaskBookQueries books;
  private final Departments departments;
  private final People people;
  private final PeopleNames peopleNames;

  ChangeController(
      ChangeService changes,
      BookVersions versions,
      WorkItemQueries items,
      TaskBookQueries books,
      Departments departments,
      People people,
      PeopleNames peopleNames) {
    this.changes = changes;
    this.versions = versions;
    this.items = items;
    this.books = books;
    this.departments = departments;
    this.people = people;
    this.peopleNames = peopleNames;
  }

  @GetMapping("/items/{id}/change")
  String initProposal(
      @PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("changeForm", changes.currentTerms(id, user));
    return proposalPage(id, model);
  }

  @PostMapping("/items/{id}/change")
  String processProposal(
      @PathVariable Long id,
      @AuthenticationPrincipal CurrentUser user,
      @Valid @ModelAttribute("changeForm") ChangeFormData data,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    changes.currentTerms(id, user); // 403 before anything else for those who may not propose
    // a cancel proposal takes only the reason: the terms on the form do not matter then
    boolean termsIgnored =
        data.isCancelItem() && !result.hasFieldErrors("reason") && !result.hasGlobalErrors();
    if (result.hasErrors() && !termsIgnored) {
      return proposalPage(id, model);
    }
    try {
      changes.propose(id, data, user);
    } catch (UserError rejected) {
      Refusals.reject(result, rejected);
      return proposalPage(id, model);
    }
    redirect.addFlashAttribute("notice", "change.proposed");
    return "redirect:/items/" + id;
  }

  private String proposalPage(Long itemId, Model model) {
    ItemSummary item = items.summary(itemId);
    model.addAttribute("item", item);
    model.addAttribute("book", books.summary(item.taskBookId()));
    model.addAttribute("departments", departments.active());
    model.addAttribute("leaders", people.activeLeaders());
    model.addAttribute("requests", changes.ofItem(itemId));
    return PROPOSE;
  }

  /**
   * Every version of the book; the diff shows the items the viewer may see, as the book page and
   * print view do, and a department with no item in the book is refused (403).
   */
  @GetMapping("/books/{id}/versions")
  String versions(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    TaskBookQueries.BookPrint readable = books.readable(id, user);
    model.addAttribute("book", readable.book());
    List<Long> visible = readable.items().stream().map(ItemSummary::id).toList();
    List<BookVersions.VersionView> all = versions.of(id, visible);
    Map<String, String> names = new HashMap<>();
    for (BookVersions.VersionView version : all) {
      names.computeIfAbsent(version.createdBy(), username -> peopleNames.of(username));
    }
    model.addAttribute("versions", all);
    model.addAttribute("names", names);
    return VERSIONS;
  }
}
