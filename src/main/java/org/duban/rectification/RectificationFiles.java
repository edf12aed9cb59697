package org.duban.rectification;

import java.util.List;
import java.util.Set;
import org.duban.book.ItemFacts;
import org.duban.book.WorkItemQueries;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.duban.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files (佐证材料) of a rectification: the lead department adds them while the rectification
 * is open; whoever may see the item may read them; they stay after sign-off.
 */
@Service
public class RectificationFiles {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final int MAX_FILES = 20;

  /**
   * The columns' sizes (V6): a longer name is refused with a message, a longer type is not trusted.
   */
  static final int MAX_NAME = 255;

  static final int MAX_TYPE = 100;
  private static final java.util.regex.Pattern MEDIA_TYPE =
      java.util.regex.Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");
  private static final Set<String> ALLOWED_SUFFIXES =
      Set.of(
          "pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "zip",
          "ofd");

  private final RectificationRepository rectifications;
  private final RectificationAttachmentRepository attachments;
  private final RectifiedItems rectifiedItems;
  private final WorkItemQueries items;
  private final ItemHistory history;

  RectificationFiles(
      RectificationRepository rectifications,
      RectificationAttachmentRepository attachments,
      RectifiedItems rectifiedItems,
      WorkItemQueries items,
      ItemHistory history) {
    this.rectifications = rectifications;
    this.attachments = attachments;
    this.rectifiedItems = rectifiedItems;
    this.items = items;
    this.history = history;
  }

  @Transactional
  public Long attach(
      Long rectificationId, String fileName, String contentType, byte[] content, CurrentUser user) {
    Rectification rectification =
        rectifications.findById(rectificationId).orElseThrow(NotFound::new);
    ItemFacts item = items.facts(itemIdOf(rectification)).orElseThrow(NotFound::new);
    if (user.departmentId() == null || !user.departmentId().equals(item.leadDepartmentId())) {
      throw new AccessDeniedException(
          "only the lead department adds evidence to rectification " + rectificationId);
    }
    if (!rectification.isOpen()) {
      throw new UserError("rectification.file.closed");
    }
    // no folder separators, and no control characters (PostgreSQL refuses a NUL in text, headers a
    // newline)
    String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
    if (content == null || content.length == 0 || name.isEmpty()) {
      throw new UserError("rectification.file.empty");
    }
    if (name.length() > MAX_NAME) {
      throw new UserError("rectification.file.nameTooLong");
    }
    if (content.length > MAX_BYTES) {
      throw new UserError("rectification.file.tooLarge");
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0 || !ALLOWED_SUFFIXES.contains(name.substring(dot + 1).toLowerCase())) {
      throw new UserError("rectification.file.type");
    }
    if (attachments.countByRectificationId(rectificationId) >= MAX_FILES) {
      throw new UserError("rectification.file.tooMany");
    }
    // the browser's word for the type is kept only when it looks like one; downloads are
    // octet-stream anyway
    String type =
        contentType != null
                && contentType.length() <= MAX_TYPE
                && MEDIA_TYPE.matcher(contentType).matches()
            ? contentType
            : "application/octet-stream";
    RectificationAttachment saved =
        attachments.save(
            new RectificationAttachment(
                rectificationId, name, type, content, user.getUsername(), EngineClock.now()));
    history.itemEvent(
        item.id(), item.taskBookId(), user.getUsername(), EventKind.EVIDENCE_ATTACHED, name);
    return saved.getId();
  }

  /** A file as the download page sends it. */
  public record Download(String fileName, byte[] content) {}

  @Transactional(readOnly = true)
  public Download read(Long attachmentId, CurrentUser user) {
    RectificationAttachment file = attachments.findById(attachmentId).orElseThrow(NotFound::new);
    Rectification rectification =
        rectifications.findById(file.getRectificationId()).orElseThrow(NotFound::new);
    if (!items.maySee(itemIdOf(rectification), user)) {
      throw new AccessDeniedException("attachment " + attachmentId);
    }
    return new Download(file.getFileName(), file.getContent());
  }

  @Transactional(readOnly = true)
  public List<AttachmentRow> listOf(Long rectificationId) {
    return attachments.listOf(rectificationId);
  }

  /** The item whose lead department may add files to the rectification. */
  @Transactional(readOnly = true)
  public Long leadDepartmentOf(Long rectificationId) {
    Long itemId = itemIdOf(rectifications.findById(rectificationId).orElseThrow(NotFound::new));
    return items.facts(itemId).orElseThrow(NotFound::new).leadDepartmentId();
  }

  private Long itemIdOf(Rectification rectification) {
    return rectifiedItems
        .workItemIdOfEscalation(rectification.getEscalationId())
        .orElseThrow(NotFound::new);
  }
}
