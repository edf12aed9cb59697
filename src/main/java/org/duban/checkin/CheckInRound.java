package org.duban.checkin;

import java.util.Collection;
import org.springframework.stereotype.Component;

/** Bean behind {@code ${checkInRound.openItemIds()}} in the monthly check-in process. */
@Component("checkInRound")
public class CheckInRound {

  private final CheckInService service;

  CheckInRound(CheckInService service) {
    this.service = service;
  }

  public Collection<Long> openItemIds() {
    return service.openItemIds();
  }
}
