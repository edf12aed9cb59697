package org.duban.supervision;

import java.util.Collection;
import org.springframework.stereotype.Component;

/** Bean behind {@code ${supervisionSweep.openItemIds()}} in the weekly supervision process. */
@Component("supervisionSweep")
public class SupervisionSweep {

  private final WeeklySupervisionService service;

  SupervisionSweep(WeeklySupervisionService service) {
    this.service = service;
  }

  public Collection<Long> openItemIds() {
    return service.openItemIds();
  }
}
