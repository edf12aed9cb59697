package org.duban.decomposition;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A file waiting between its preview and its confirmation; kept in the database for every node. */
@Entity
@Table(name = "decomposition_upload")
class DecompositionUpload {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long taskBookId;
  private String uploadedBy;
  private String fileName;

  /** The .xlsx as uploaded (bytea); not a @Lob, which PostgreSQL would keep as a large object. */
  private byte[] content;

  private String sha256;
  private LocalDateTime createdAt;

  protected DecompositionUpload() {}

  DecompositionUpload(
      Long taskBookId,
      String uploadedBy,
      String fileName,
      byte[] content,
      String sha256,
      LocalDateTime createdAt) {
    this.taskBookId = taskBookId;
    this.uploadedBy = uploadedBy;
    this.fileName = fileName;
    this.content = content;
    this.sha256 = sha256;
    this.createdAt = createdAt;
  }

  Long getId() {
    return id;
  }

  Long getTaskBookId() {
    return taskBookId;
  }

  String getUploadedBy() {
    return uploadedBy;
  }

  String getFileName() {
    return fileName;
  }

  byte[] getContent() {
    return content;
  }

  String getSha256() {
    return sha256;
  }

  LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
