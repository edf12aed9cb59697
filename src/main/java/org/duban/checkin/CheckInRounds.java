package org.duban.checkin;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a monthly check-in round by hand: the same process the monthly timer starts. */
@Service
public class CheckInRounds {

  private static final Logger log = LoggerFactory.getLogger(CheckInRounds.class);

  public static final String PROCESS_KEY = "monthlyCheckIn";

  private final RuntimeService runtimeService;

  CheckInRounds(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Transactional
  public String openNow(String actor) {
    String id = runtimeService.startProcessInstanceByKey(PROCESS_KEY).getId();
    log.info("monthly check-in round {} opened by hand by {}", id, actor);
    return id;
  }
}
