package org.duban.rectification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RectificationAttachmentRepository
    extends JpaRepository<RectificationAttachment, Long> {

  /** The files of a rectification without their content, for listing. */
  @Query(
      "select new org.duban.rectification.AttachmentRow(a.id, a.fileName, a.sizeBytes, a.uploadedBy, a.uploadedAt)"
          + " from RectificationAttachment a where a.rectificationId = :rectificationId order by a.uploadedAt, a.id")
  List<AttachmentRow> listOf(Long rectificationId);

  long countByRectificationId(Long rectificationId);
}
