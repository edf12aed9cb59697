package org.duban.supervision;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.duban.book.WorkItemQueries;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.Refusals;
import org.duban.infrastructure.UserError;
import org.duban.ladder.MeetingReferral;
import org.duban.org.Role;
import org.duban.rectification.RectificationFiles;
import org.duban.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the escalation ladder: printable notices, the meeting agenda and evidence files. */
@Controller
class LadderPagesController {

  private final SupervisionQueries queries;
  private final WorkItemQueries items;
  private final RectificationFiles files;

  LadderPagesController(
      SupervisionQueries queries, WorkItemQueries items, RectificationFiles files) {
    this.queries = queries;
    this.items = items;
    this.files = files;
  }

  /** A numbered notice on A4, for whoever may see its item. */
  @GetMapping("/supervision/notices/{id}/print")
  String printNotice(
      @PathVariable Long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    SupervisionQueries.NoticeView notice = queries.notice(id);
    items.visibleItem(notice.item().id(), user);
    model.addAttribute("view", notice);
    return "supervision/notice-print";
  }

  /** The agenda of items referred to 院长办公会 or 党委会, printable, for the office and leaders. */
  @GetMapping("/supervision/meeting")
  String meetingAgenda(
      @RequestParam(defaultValue = "PRESIDENT_OFFICE") MeetingReferral.MeetingKind kind,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    if (!(user.has(Role.SUPERVISION) || user.has(Role.LEADER) || user.has(Role.ADMIN))) {
      throw new AccessDeniedException("meeting agenda");
    }
    model.addAttribute("kind", kind);
    model.addAttribute("date", date == null ? EngineClock.today() : date);
    model.addAttribute("agenda", queries.meetingAgenda());
    return "supervision/meeting";
  }

  @PostMapping("/supervision/rectifications/{id}/files")
  String upload(
      @PathVariable Long id,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "task", required = false) String taskId,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes redirect)
      throws IOException {
    Long itemId = itemOfRectification(id);
    try {
      files.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), user);
      redirect.addFlashAttribute("notice", "rectification.file.added");
    } catch (UserError refused) {
      Refusals.flash(redirect, refused);
    }
    // uploaded from the evidence step's task page: back to that task, so the person goes on there
    if (taskId != null && TASK_ID.matcher(taskId).matches()) {
      return "redirect:/tasks/" + taskId + "#evidence-files";
    }
    return "redirect:/items/" + itemId + "#escalations";
  }

  /** A Camunda task id; anything else is not put into a redirect. */
  private static final java.util.regex.Pattern TASK_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

  @GetMapping("/supervision/files/{id}")
  ResponseEntity<byte[]> download(
      @PathVariable Long id, @AuthenticationPrincipal CurrentUser user) {
    RectificationFiles.Download file = files.read(id, user);
    String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + encoded)
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(file.content());
  }

  private Long itemOfRectification(Long rectificationId) {
    return queries.itemOfRectification(rectificationId);
  }
}
