package org.duban.security;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * Ends a person's sessions on every node: sessions live in the database (Spring Session JDBC,
 * indexed by the logged-in name), so deleting them there sends each of the person's browsers, on
 * whichever node, to the log-in page at its next request. Used when a password changes (whoever
 * knew the old one and logged in with it is out) and when demo accounts are closed.
 */
@Service
public class PersonSessions {

  private static final Logger log = LoggerFactory.getLogger(PersonSessions.class);

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  PersonSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /**
   * Ends every session of {@code username} except {@code keptSessionId} (the session the change was
   * made in; null to end them all).
   *
   * @return how many sessions ended
   */
  public int endAllExcept(String username, String keptSessionId) {
    Map<String, ? extends Session> found = sessions.findByPrincipalName(username);
    int ended = 0;
    for (String id : found.keySet()) {
      if (!Objects.equals(id, keptSessionId)) {
        sessions.deleteById(id);
        ended++;
      }
    }
    if (ended > 0) {
      log.info("Ended {} other session(s) of {}", ended, username);
    }
    return ended;
  }

  /** Ends every session of {@code username}. */
  public int endAll(String username) {
    return endAllExcept(username, null);
  }
}
