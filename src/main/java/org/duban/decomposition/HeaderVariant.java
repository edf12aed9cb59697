package org.duban.decomposition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A column header of the hospital's own tables that an admin mapped to a column of the table. */
@Entity
@Table(name = "decomposition_header_variant")
public class HeaderVariant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "column_name")
  private DecompositionColumn column;

  private String header;
  private String headerKey;
  private String createdBy;
  private LocalDateTime createdAt;

  protected HeaderVariant() {}

  HeaderVariant(
      DecompositionColumn column, String header, String createdBy, LocalDateTime createdAt) {
    this.column = column;
    this.header = header;
    this.headerKey = DecompositionColumn.headerKey(header);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public DecompositionColumn getColumn() {
    return column;
  }

  public String getHeader() {
    return header;
  }

  public String getHeaderKey() {
    return headerKey;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
