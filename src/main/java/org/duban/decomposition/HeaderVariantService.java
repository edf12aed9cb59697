package org.duban.decomposition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.audit.AuditLog;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The column headers an admin added (主办科室 for 牵头部门, 办结时间 for 完成时限…), which import recognises
 * besides the ones Duban ships ({@link DecompositionColumn}). A header names one column: one Duban
 * knows already, or one added before, is refused.
 */
@Service
public class HeaderVariantService {

  static final int MAX_HEADER_LENGTH = 50;

  /** The kind of object the audit log files added and removed headers under. */
  static final String AUDIT_SUBJECT = "decomposition-header";

  private final HeaderVariantRepository variants;
  private final AuditLog auditLog;

  HeaderVariantService(HeaderVariantRepository variants, AuditLog auditLog) {
    this.variants = variants;
    this.auditLog = auditLog;
  }

  @Transactional(readOnly = true)
  public List<HeaderVariant> list() {
    return variants.findAllByOrderByColumnAscHeaderAsc();
  }

  /**
   * The added headers as the reader matches them: {@link DecompositionColumn#headerKey} to column.
   */
  @Transactional(readOnly = true)
  public Map<String, DecompositionColumn> byKey() {
    Map<String, DecompositionColumn> byKey = new HashMap<>();
    for (HeaderVariant variant : variants.findAll()) {
      byKey.put(variant.getHeaderKey(), variant.getColumn());
    }
    return byKey;
  }

  @Transactional
  public HeaderVariant add(String columnName, String header, String admin) {
    DecompositionColumn column;
    try {
      column = DecompositionColumn.valueOf(columnName == null ? "" : columnName.strip());
    } catch (IllegalArgumentException unknown) {
      throw new UserError("decomposition.headers.column.unknown");
    }
    String text = header == null ? "" : header.strip();
    String key = DecompositionColumn.headerKey(text);
    if (key.isEmpty()) {
      throw new UserError("decomposition.headers.header.blank");
    }
    if (text.length() > MAX_HEADER_LENGTH) {
      throw new UserError(
          "decomposition.headers.header.tooLong", String.valueOf(MAX_HEADER_LENGTH));
    }
    var builtIn = DecompositionColumn.builtIn(key);
    if (builtIn.isPresent()) {
      throw new UserError("decomposition.headers.header.builtIn", text, builtIn.get().header());
    }
    if (variants.existsByHeaderKey(key)) {
      throw new UserError("decomposition.headers.header.exists", text);
    }
    HeaderVariant saved = variants.save(new HeaderVariant(column, text, admin, EngineClock.now()));
    // an added header changes how every later import reads its sheets: who added it is on record
    auditLog.record(
        "decomposition.header-add", AUDIT_SUBJECT, saved.getHeader(), null, audited(saved));
    return saved;
  }

  @Transactional
  public void remove(Long id) {
    variants
        .findById(id)
        .ifPresent(
            variant -> {
              variants.delete(variant);
              auditLog.record(
                  "decomposition.header-remove",
                  AUDIT_SUBJECT,
                  variant.getHeader(),
                  audited(variant),
                  null);
            });
  }

  /** The header as the audit log keeps it: the text and the built-in column it stands for. */
  private static Map<String, String> audited(HeaderVariant variant) {
    return Map.of("header", variant.getHeader(), "column", variant.getColumn().header());
  }
}
