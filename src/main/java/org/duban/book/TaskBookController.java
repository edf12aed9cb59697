package org.duban.book;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.infrastructure.Refusals;
import org.duban.infrastructure.UserError;
import org.duban.org.Departments;
import org.duban.org.People;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Task book list, creation, page, printable view and the draft editor. */
@Controller
class TaskBookController {

  private static final String LIST = "books/list";
  private static final String NEW = "books/new";
  private static final String PAGE = "books/book";
  private static final String EDITOR = "books/editor";
  private static final String PRINT = "books/print";

  private final TaskBookService service;
  private final TaskBookQueries books;
  private final WorkItemQueries items;
  private final Departments departments;
  private final People people;
  private final RollUp rollUp;

  TaskBookController(
      TaskBookService service,
      TaskBookQueries books,
      WorkItemQueries items,
      Departments departments,
      People people,
      RollUp rollUp) {
    this.rollUp = rollUp;
    this.service = service;
    this.books = books;
    this.items = items;
    this.departments = departments;
    this.people = people;
  }

  /** The books the viewer may open: a department's list names no book it would be refused. */
  @GetMapping("/books")
  String list(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("books", books.readableBooks(user));
    return LIST;
  }

  @GetMapping("/books/new")
  String initCreationForm(@AuthenticationPrincipal CurrentUser user, Model model) {
    requireLeader(user);
    TaskBookFormData data = new TaskBookFormData();
    int year = LocalDate.now().getYear();
    data.setYear(year);
    data.setPeriodStart(LocalDate.of(year, 1, 1));
    data.setPeriodEnd(LocalDate.of(year, 12, 31));
    // a suggestion the issuer edits, in the issuer's language
    data.setGoalAreas(MessageText.of("book.goalAreas.suggested").in(MessageTexts.readerLocale()));
    model.addAttribute("bookForm", data);
    return creationPage(model);
  }

  private String creationPage(Model model) {
    model.addAttribute("levels", BookLevel.values());
    model.addAttribute("parentBooks", books.all());
    model.addAttribute("departments", departments.active());
    model.addAttribute("leaders", people.activeLeaders());
    return NEW;
  }

  @PostMapping("/books")
  String processCreationForm(
      @AuthenticationPrincipal CurrentUser user,
      @Valid @ModelAttribute("bookForm") TaskBookFormData data,
      BindingResult result,
      Model model) {
    requireLeader(user);
    if (result.hasErrors()) {
      return creationPage(model);
    }
    Long bookId;
    try {
      bookId = service.newDraft(data, user);
    } catch (UserError rejected) {
      Refusals.reject(result, rejected);
      return creationPage(model);
    }
    return "redirect:/books/" + bookId + "/edit";
  }

  @GetMapping("/books/{id}")
  String show(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    // the print view's rule: a department with no item in the book is refused (403)
    TaskBookQueries.BookPrint readable = books.readable(id, user);
    model.addAttribute("book", readable.book());
    List<ItemNode> tree = rollUp.treeOfBook(id, user);
    model.addAttribute("tree", tree);
    model.addAttribute("rolledUp", RollUp.summarise(tree));
    model.addAttribute("hierarchy", books.hierarchy(id));
    model.addAttribute("seesEverything", !readable.partial());
    // departments nobody could act for are named to those who see the whole book, never silently
    model.addAttribute(
        "emptyLeadDepartments", readable.partial() ? List.of() : service.emptyLeadDepartments(id));
    model.addAttribute(
        "routesToSupervisionOffice", service.routesEmptyDepartmentsToSupervisionOffice());
    model.addAttribute(
        "mayDelete",
        readable.book().isEditable()
            && (readable.book().issuerUsername().equals(user.getUsername())
                || user.has(Role.SUPERVISION)
                || user.has(Role.ADMIN)));
    return PAGE;
  }

  /**
   * The book as a printable responsibility book with signature blocks (A4, without the app layout).
   */
  @GetMapping("/books/{id}/print")
  String print(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("printable", books.printable(id, user));
    return PRINT;
  }

  @GetMapping("/books/{id}/edit")
  String editor(@PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    BookSummary book = books.summary(id);
    if (!book.issuerUsername().equals(user.getUsername())) {
      throw new AccessDeniedException("only the issuer edits a draft");
    }
    if (!model.containsAttribute("itemForm")) {
      WorkItemFormData itemForm = new WorkItemFormData();
      itemForm.setDeadline(book.periodEnd());
      model.addAttribute("itemForm", itemForm);
    }
    return editorPage(book, user, model);
  }

  private String editorPage(BookSummary book, CurrentUser user, Model model) {
    model.addAttribute("book", book);
    if (!model.containsAttribute("detailsForm")) {
      model.addAttribute("detailsForm", service.details(book.id()));
    }
    model.addAttribute("levels", BookLevel.values());
    model.addAttribute(
        "parentBooks", books.all().stream().filter(b -> !b.id().equals(book.id())).toList());
    model.addAttribute("items", items.visibleItemsOfBook(book.id(), user));
    model.addAttribute("departments", departments.active());
    model.addAttribute("leaders", people.activeLeaders());
    model.addAttribute("directions", IndicatorDirection.values());
    TaskBookQueries.BookLink parent = books.hierarchy(book.id()).parent();
    model.addAttribute("parentItems", parent == null ? List.of() : items.itemsOfBook(parent.id()));
    return EDITOR;
  }

  @PostMapping("/books/{id}/areas")
  String addGoalArea(
      @PathVariable Long id,
      @RequestParam String name,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes redirect) {
    try {
      service.addGoalArea(id, name, user);
    } catch (UserError rejected) {
      Refusals.flash(redirect, rejected);
    }
    return "redirect:/books/" + id + "/edit";
  }

  @PostMapping("/books/{id}/items")
  String addItem(
      @PathVariable Long id,
      @AuthenticationPrincipal CurrentUser user,
      @Valid @ModelAttribute("itemForm") WorkItemFormData data,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    if (!result.hasErrors()) {
      try {
        service.addItem(id, data, user);
        redirect.addFlashAttribute("notice", "item.added");
        return "redirect:/books/" + id + "/edit";
      } catch (UserError rejected) {
        Refusals.reject(result, rejected);
      }
    }
    BookSummary book = books.summary(id);
    if (!book.issuerUsername().equals(user.getUsername())) {
      throw new AccessDeniedException("only the issuer edits a draft");
    }
    return editorPage(book, user, model);
  }

  /**
   * The drafter corrects the draft's title, year, period and level; an error re-shows the editor
   * with it.
   */
  @PostMapping("/books/{id}/details")
  String updateDetails(
      @PathVariable Long id,
      @AuthenticationPrincipal CurrentUser user,
      @Valid @ModelAttribute("detailsForm") BookDetailsFormData data,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    BookSummary book = books.summary(id);
    if (!book.issuerUsername().equals(user.getUsername())) {
      throw new AccessDeniedException("only the issuer edits a draft");
    }
    if (!result.hasErrors()) {
      try {
        service.updateDraft(id, data, user);
        redirect.addFlashAttribute("notice", "book.details.saved");
        return "redirect:/books/" + id + "/edit";
      } catch (UserError rejected) {
        Refusals.reject(result, rejected);
      }
    }
    WorkItemFormData itemForm = new WorkItemFormData();
    itemForm.setDeadline(book.periodEnd());
    model.addAttribute("itemForm", itemForm);
    return editorPage(book, user, model);
  }

  @GetMapping("/books/{id}/details")
  String backToEditorFromDetails(@PathVariable Long id) {
    return "redirect:/books/" + id + "/edit";
  }

  /**
   * Deletes a draft (its drafter, the supervision office or an admin): its task ends, it leaves the
   * lists.
   */
  @PostMapping("/books/{id}/delete")
  String deleteDraft(
      @PathVariable Long id,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes redirect) {
    try {
      service.deleteDraft(id, user);
    } catch (UserError rejected) {
      Refusals.flash(redirect, rejected);
      return "redirect:/books/" + id;
    }
    redirect.addFlashAttribute("notice", "book.deleted");
    return "redirect:/books";
  }

  /**
   * The editor re-shown after a failed add lives at the POST address; a reload or language switch
   * lands here.
   */
  @GetMapping("/books/{id}/items")
  String backToEditor(@PathVariable Long id) {
    return "redirect:/books/" + id + "/edit";
  }

  @PostMapping("/books/{id}/items/{itemId}/delete")
  String removeItem(
      @PathVariable Long id,
      @PathVariable Long itemId,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes redirect) {
    try {
      service.removeItem(id, itemId, user);
    } catch (UserError rejected) {
      Refusals.flash(redirect, rejected);
    }
    return "redirect:/books/" + id + "/edit";
  }

  private static void requireLeader(CurrentUser user) {
    if (!user.has(Role.LEADER)) {
      throw new AccessDeniedException("only leaders draft task books");
    }
  }
}
