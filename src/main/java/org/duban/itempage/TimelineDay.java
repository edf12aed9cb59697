package org.duban.itempage;

import java.time.LocalDate;
import java.util.List;

/** The events of one day, in the order they happened. */
public record TimelineDay(LocalDate day, List<TimelineEntry> entries) {}
