package org.duban.web;

import org.duban.board.BoardAccess;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  private final BoardAccess board;

  HomeController(BoardAccess board) {
    this.board = board;
  }

  /** Leaders and the supervision office start on the board (驾驶舱), everyone else in their inbox. */
  @GetMapping("/")
  String home(@AuthenticationPrincipal CurrentUser user) {
    return user != null && board.isHomeOf(user) ? "redirect:/board" : "redirect:/tasks";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
