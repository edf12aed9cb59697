package org.duban.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The proposal page: the item's terms as they should become, prefilled with the current ones, and
 * why.
 */
public class ChangeFormData {

  @NotBlank
  @Size(max = 500)
  private String title;

  @Size(max = 2000)
  private String targetText;

  @NotNull private Long leadDepartmentId;

  @NotNull private Long leaderInChargeId;

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate deadline;

  @Size(max = 2000)
  private String acceptanceCriteria;

  @NotBlank
  @Size(max = 1000)
  private String reason;

  /** 撤销此事项: the request cancels the item; the terms above are then ignored. */
  private boolean cancelItem;

  public boolean isCancelItem() {
    return cancelItem;
  }

  public void setCancelItem(boolean cancelItem) {
    this.cancelItem = cancelItem;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getTargetText() {
    return targetText;
  }

  public void setTargetText(String targetText) {
    this.targetText = targetText;
  }

  public Long getLeadDepartmentId() {
    return leadDepartmentId;
  }

  public void setLeadDepartmentId(Long leadDepartmentId) {
    this.leadDepartmentId = leadDepartmentId;
  }

  public Long getLeaderInChargeId() {
    return leaderInChargeId;
  }

  public void setLeaderInChargeId(Long leaderInChargeId) {
    this.leaderInChargeId = leaderInChargeId;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public void setDeadline(LocalDate deadline) {
    this.deadline = deadline;
  }

  public String getAcceptanceCriteria() {
    return acceptanceCriteria;
  }

  public void setAcceptanceCriteria(String acceptanceCriteria) {
    this.acceptanceCriteria = acceptanceCriteria;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
