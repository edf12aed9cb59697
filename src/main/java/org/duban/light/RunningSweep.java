package org.duban.light;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A weekly sweep that has not finished: its progress as shown when "run now" is refused.
 *
 * @param startedBy who pressed "run now"; null when the weekly timer started it
 * @param itemsDone the items it has lit so far
 * @param itemCount the open items when it started; null for a sweep of an older release
 */
public record RunningSweep(
    Long sweepId,
    String processInstanceId,
    LocalDateTime startedAt,
    String startedBy,
    long itemsDone,
    Integer itemCount)
    implements Serializable {}
