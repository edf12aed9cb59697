package org.duban.book;

import java.math.BigDecimal;

/**
 * A reading judged twice: against the target in force for its year, and against where the indicator
 * should be by now if it moved from its baseline to that target evenly over the time (序时进度). {@code
 * expected} is null where no such line exists (trends, no baseline).
 */
public record IndicatorEvaluation(
    BigDecimal reading, BigDecimal target, BigDecimal expected, boolean met, boolean onSchedule) {}
