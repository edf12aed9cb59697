package org.duban.decomposition;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/**
 * A file over the servlet's multipart limit is refused before any controller runs; on the import
 * page the user gets the same Chinese message as for any other bad file instead of a bare 413.
 * Other paths keep Spring's default answer.
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
      Locale locale)
      throws MaxUploadSizeExceededException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = IMPORT_PATH.matcher(path);
    if (user == null || !matcher.matches()) {
      throw tooLarge;
    }
    Long bookId = Long.valueOf(matcher.group(1));
    imports.requireImporter(bookId, user);
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    model.addAttribute("me", user);
    List<String> problems = controller.texts(List.of(ImportProblem.ofFile("file.overLimit",
        String.valueOf(DecompositionReader.MAX_BYTES / 1024 / 1024))), locale);
    return controller.uploadPage(bookId, model, problems, List.of());
  }
}
