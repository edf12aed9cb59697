package org.duban.audit;

import java.time.LocalDate;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log's one searchable page, for admins ({@code /admin/**}). */
@Controller
class AuditController {

  static final int PAGE_SIZE = 50;

  private final AuditLog auditLog;

  AuditController(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @GetMapping("/admin/audit")
  String search(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String subjectType,
      @RequestParam(required = false) String subjectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String words,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    AuditSearch search = new AuditSearch(actor, action, subjectType, subjectId, from, to, words);
    Page<AuditEvent> events = auditLog.search(search, page, PAGE_SIZE);
    model.addAttribute("search", search);
    model.addAttribute("events", events.map(AuditRow::of));
    model.addAttribute("subjectTypes", auditLog.subjectTypes());
    return "audit/list";
  }
}
