package org.duban.web;

import java.util.Optional;
import org.duban.board.BoardAccess;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

  private final BoardAccess board;

  HomeController(BoardAccess board) {
    this.board = board;
  }

  /**
   * Where a log-in lands: the supervision office on its work queue (督查督办), leaders on the board
   * (驾驶舱), everyone else in their inbox.
   */
  @GetMapping("/")
  String home(@AuthenticationPrincipal CurrentUser user) {
    if (user != null && user.has(Role.SUPERVISION)) {
      return "redirect:/supervision";
    }
    return user != null && board.isHomeOf(user) ? "redirect:/board" : "redirect:/tasks";
  }

  /**
   * The log-in page. {@code locked} comes back from a refused log-in with the minutes left; anyone
   * can put anything in an address, so only a plain number of minutes is shown, never the caller's
   * text.
   */
  @GetMapping("/login")
  String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
    lockedMinutes(locked).ifPresent(minutes -> model.addAttribute("lockedMinutes", minutes));
    return "login";
  }

  /** A lock lasts minutes to hours; a number that is no such count is someone else's text. */
  static Optional<Integer> lockedMinutes(String locked) {
    if (locked == null || !locked.matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int minutes = Integer.parseInt(locked);
    return minutes > 0 ? Optional.of(minutes) : Optional.empty();
  }
}
