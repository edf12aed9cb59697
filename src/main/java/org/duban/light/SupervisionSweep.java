package org.duban.light;

import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Bean behind the collections of the weekly supervision process: {@code
 * ${supervisionSweep.chunkStarts()}} for the chunks and {@code
 * ${supervisionSweep.openItemIdsInChunk(chunkStart)}} for the items of one.
 */
@Component("supervisionSweep")
public class SupervisionSweep {

  private final WeeklySupervisionService service;

  SupervisionSweep(WeeklySupervisionService service) {
    this.service = service;
  }

  /** All items the sweep evaluates. */
  public Collection<Long> openItemIds() {
    return service.openItemIds();
  }

  public Collection<Long> chunkStarts() {
    return service.chunkStarts();
  }

  public Collection<Long> openItemIdsInChunk(Long chunkStart) {
    return service.openItemIdsInChunk(chunkStart);
  }
}
