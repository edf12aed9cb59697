package org.duban.decomposition;

import java.util.List;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/decomposition-headers}: the column headers of the decomposition table, the ones
 * Duban knows and the ones the admin added for the hospital's own tables. Admins only (the security
 * configuration guards {@code /admin/**}).
 */
@Controller
class HeaderVariantController {

  static final String PAGE = "decomposition/headers";

  private final HeaderVariantService variants;

  HeaderVariantController(HeaderVariantService variants) {
    this.variants = variants;
  }

  @GetMapping("/admin/decomposition-headers")
  String list(Model model) {
    return page(model, null, null);
  }

  @PostMapping("/admin/decomposition-headers")
  String add(
      @RequestParam(name = "column", required = false) String column,
      @RequestParam(name = "header", required = false) String header,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      jakarta.servlet.http.HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      variants.add(column, header, user.getUsername());
    } catch (UserError refused) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("error", refused);
      return page(model, column, header);
    }
    redirect.addFlashAttribute("notice", "decomposition.headers.added.notice");
    return "redirect:/admin/decomposition-headers";
  }

  @PostMapping("/admin/decomposition-headers/{id}/delete")
  String remove(@PathVariable Long id, RedirectAttributes redirect) {
    variants.remove(id);
    redirect.addFlashAttribute("notice", "decomposition.headers.removed");
    return "redirect:/admin/decomposition-headers";
  }

  private String page(Model model, String column, String header) {
    model.addAttribute("columns", List.of(DecompositionColumn.values()));
    model.addAttribute("variants", variants.list());
    model.addAttribute("column", column);
    model.addAttribute("header", header);
    return PAGE;
  }
}
