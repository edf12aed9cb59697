package org.duban.workitem;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** 指标: a measurable target of a work item. */
@Entity
public class Indicator {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "work_item_id")
  private WorkItem workItem;

  private String name;
  private String unit;

  @Enumerated(EnumType.STRING)
  private IndicatorDirection direction;

  private BigDecimal baseline;
  private BigDecimal target;

  protected Indicator() {}

  Indicator(
      WorkItem workItem,
      String name,
      String unit,
      IndicatorDirection direction,
      BigDecimal baseline,
      BigDecimal target) {
    this.workItem = workItem;
    this.name = name;
    this.unit = unit;
    this.direction = direction;
    this.baseline = baseline;
    this.target = target;
  }

  public Long getId() {
    return id;
  }

  public WorkItem getWorkItem() {
    return workItem;
  }

  public String getName() {
    return name;
  }

  public String getUnit() {
    return unit;
  }

  public IndicatorDirection getDirection() {
    return direction;
  }

  public BigDecimal getBaseline() {
    return baseline;
  }

  public BigDecimal getTarget() {
    return target;
  }

  /** "平均住院日 ≤ 6.5 天". */
  public String describe() {
    return name + " " + direction.symbol() + " " + target.stripTrailingZeros().toPlainString()
        + (unit == null ? "" : " " + unit);
  }
}
