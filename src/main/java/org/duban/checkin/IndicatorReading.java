package org.duban.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import org.duban.book.Indicator;

/** An indicator's value as reported in a check-in. */
@Entity
public class IndicatorReading {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "check_in_id")
  private CheckIn checkIn;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "indicator_id")
  private Indicator indicator;

  @Column(name = "reading")
  private BigDecimal value;

  protected IndicatorReading() {}

  IndicatorReading(CheckIn checkIn, Indicator indicator, BigDecimal value) {
    this.checkIn = checkIn;
    this.indicator = indicator;
    this.value = value;
  }

  public Indicator getIndicator() {
    return indicator;
  }

  public BigDecimal getValue() {
    return value;
  }

  public boolean isOnTarget() {
    int year = Integer.parseInt(checkIn.getPeriod().substring(0, 4));
    return indicator
        .getDirection()
        .isMet(value, indicator.targetFor(year), indicator.getBaseline());
  }
}
