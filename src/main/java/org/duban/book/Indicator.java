package org.duban.book;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;

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

  /** The final target; null for trend directions. */
  private BigDecimal target;

  /**
   * Annual targets of a multi-year term book, by year; a year without one uses the final target.
   */
  @ElementCollection
  @CollectionTable(name = "indicator_year_target", joinColumns = @JoinColumn(name = "indicator_id"))
  @MapKeyColumn(name = "target_year")
  @Column(name = "target")
  private Map<Integer, BigDecimal> yearTargets = new TreeMap<>();

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
    if (direction.isTrend() ? baseline == null : target == null) {
      throw new IllegalArgumentException(
          direction.isTrend() ? "a trend needs a baseline" : "a target is needed");
    }
  }

  void setYearTarget(int year, BigDecimal yearTarget) {
    yearTargets.put(year, yearTarget);
  }

  /** The target in force in a year: that year's own target, or the final one. */
  public BigDecimal targetFor(int year) {
    return yearTargets.getOrDefault(year, target);
  }

  /** Read-only: year targets are set through {@code book}'s services. */
  public Map<Integer, BigDecimal> getYearTargets() {
    return java.util.Collections.unmodifiableMap(yearTargets);
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

  /**
   * "平均住院日 ≤ 6.5 天", or for a trend "平均住院日 较基线 7.2 天 下降" (indicator.trend.*, in the reader's
   * language).
   */
  public String describe() {
    String suffix = unit == null ? "" : " " + unit;
    if (direction.isTrend()) {
      return MessageText.of("indicator.trend." + direction.name(), name, plain(baseline), suffix)
          .in(MessageTexts.readerLocale());
    }
    return name + " " + direction.symbol() + " " + plain(target) + suffix;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
