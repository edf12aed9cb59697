package org.duban.notification;

import java.util.Arrays;
import org.duban.infrastructure.NotFound;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page: newest first, unread marked, filtered by kind; opening marks read. */
@Controller
class InboxController {

  private final Inbox inbox;

  InboxController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/inbox")
  String list(
      @AuthenticationPrincipal CurrentUser me,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    MessageKind chosen = parse(kind);
    var entries = inbox.entries(me.getUsername(), chosen, page);
    model.addAttribute("entries", entries);
    model.addAttribute("kinds", Arrays.asList(MessageKind.values()));
    model.addAttribute("kind", chosen);
    model.addAttribute("page", Math.max(page, 0));
    model.addAttribute("hasMore", entries.size() == Inbox.PAGE_SIZE);
    model.addAttribute("unread", inbox.unread(me.getUsername()));
    return "notification/inbox";
  }

  /**
   * Marks the entry read and goes where the message points; another person's entry is not found.
   */
  @GetMapping("/inbox/{id}")
  String open(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id) {
    String link = inbox.open(me.getUsername(), id).orElseThrow(NotFound::new).link();
    return "redirect:" + (Links.isLocalPath(link) ? link : "/inbox");
  }

  @PostMapping("/inbox/read-all")
  String readAll(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
    inbox.markAllRead(me.getUsername());
    redirect.addFlashAttribute("notice", "notification.inbox.allRead");
    return "redirect:/inbox";
  }

  /** An unknown kind shows everything rather than an error: it only filters a list. */
  private static MessageKind parse(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    return Arrays.stream(MessageKind.values())
        .filter(k -> k.name().equals(kind))
        .findFirst()
        .orElse(null);
  }
}
