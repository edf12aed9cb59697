package org.duban.rectification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** A file of evidence (佐证材料) for a rectification, kept in the database with the record. */
@Entity
public class RectificationAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long rectificationId;
  private String fileName;
  private String contentType;
  private long sizeBytes;

  /** The file as uploaded (bytea); not a @Lob, which PostgreSQL would keep as a large object. */
  private byte[] content;

  private String uploadedBy;
  private LocalDateTime uploadedAt;

  protected RectificationAttachment() {}

  RectificationAttachment(
      Long rectificationId,
      String fileName,
      String contentType,
      byte[] content,
      String uploadedBy,
      LocalDateTime at) {
    this.rectificationId = rectificationId;
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getRectificationId() {
    return rectificationId;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public byte[] getContent() {
    return content;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public LocalDateTime getUploadedAt() {
    return uploadedAt;
  }
}
