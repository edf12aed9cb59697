package org.duban.decomposition;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A file over the servlet's multipart limit is refused before any controller runs; on the import
 * page the user gets the same Chinese message as for any other bad file instead of a bare 413. On
 * any other upload (model files, evidence) a signed-in person is sent back to the page they came
 * from with the message: the error page cannot be drawn for a request whose body failed to parse.
 */
@ControllerAdvice
class UploadLimitAdvice {

  private static final Pattern IMPORT_PATH = Pattern.compile("/books/(\\d+)/import");

  private final DecompositionController controller;
  private final DecompositionImportService imports;

  UploadLimitAdvice(DecompositionController controller, DecompositionImportService imports) {
    this.controller = controller;
    this.imports = imports;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(
      MaxUploadSizeExceededException tooLarge,
      HttpServletRequest request,
      HttpServletResponse response,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes redirect,
      Locale locale)
      throws MaxUploadSizeExceededException {
    if (user == null) {
      throw tooLarge;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = IMPORT_PATH.matcher(path);
    if (!matcher.matches()) {
      redirect.addFlashAttribute("warning", "error.413.text");
      return "redirect:" + cameFrom(request);
    }
    Long bookId = Long.valueOf(matcher.group(1));
    imports.requireImporter(bookId, user);
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    model.addAttribute("me", user);
    List<String> problems =
        controller.texts(
            List.of(
                ImportProblem.ofFile(
                    "file.overLimit", String.valueOf(DecompositionReader.MAX_BYTES / 1024 / 1024))),
            locale);
    return controller.uploadPage(bookId, model, problems, List.of());
  }

  /** The page of this site the upload was sent from, by its path; the home page if unknown. */
  private static String cameFrom(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return "/";
    }
    try {
      URI uri = URI.create(referer);
      boolean sameSite =
          uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
      String path = uri.getRawPath();
      if (!sameSite || path == null || !path.startsWith("/")) {
        return "/";
      }
      // "//host" and "/\host" lead off the site, also when a proxy or browser decodes %2F or %5C
      // first
      String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8);
      if (decoded.startsWith("//") || decoded.contains("\\")) {
        return "/";
      }
      return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException malformed) {
      return "/";
    }
  }
}
