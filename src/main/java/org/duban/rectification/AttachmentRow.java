package org.duban.rectification;

import java.time.LocalDateTime;

/** An evidence file as listed on a page, without its content. */
public record AttachmentRow(
    Long id, String fileName, long sizeBytes, String uploadedBy, LocalDateTime uploadedAt) {}
