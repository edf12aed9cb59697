package org.duban.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.duban.infrastructure.EngineClock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: every decision and change, with who, when, before, after and the client's address.
 * Written in the caller's transaction, so that it never records a change that was rolled back, and
 * a change is never kept without its record.
 */
@Service
public class AuditLog {

  /**
   * Longest before/after kept; longer values are cut with a mark, the start is what a reader needs.
   */
  static final int MAX_VALUE_LENGTH = 20_000;

  private final AuditEventRepository events;
  private final ObjectMapper json;

  AuditLog(AuditEventRepository events, ObjectMapper json) {
    this.events = events;
    this.json = json;
  }

  /**
   * Records what the current user (or the system, outside a request) did.
   *
   * @param action a dotted key such as {@code person.update}; the page labels it with the message
   *     {@code audit.action.<action>}
   * @param before and after: any value Jackson can write (a map, a record), or null
   */
  @Transactional
  public void record(
      String action, String subjectType, String subjectId, Object before, Object after) {
    save(AuditActor.current(), action, subjectType, subjectId, before, after);
  }

  /**
   * Records an act of someone other than the signed-in user: a failed log-in under the name given,
   * or what a process did on someone's behalf; the address is the current request's.
   */
  @Transactional
  public void recordAs(
      String username,
      String action,
      String subjectType,
      String subjectId,
      Object before,
      Object after) {
    AuditActor current = AuditActor.current();
    AuditActor actor =
        current.username().equals(username)
            ? current
            : new AuditActor(username, null, current.address());
    save(actor, action, subjectType, subjectId, before, after);
  }

  /**
   * Records a log-in attempt under the name tried, from the address given. Log-ins are checked by
   * Spring Security's filters, before the request is bound to the thread (that happens after them,
   * for Jersey's REST API), so the caller passes the address it read from the request itself; when
   * it has none, the current request's, if any.
   */
  @Transactional
  public void recordAttempt(
      String username,
      String address,
      String action,
      String subjectType,
      String subjectId,
      Object before,
      Object after) {
    AuditActor current = AuditActor.current();
    save(
        new AuditActor(username, null, address != null ? address : current.address()),
        action,
        subjectType,
        subjectId,
        before,
        after);
  }

  private void save(
      AuditActor actor,
      String action,
      String subjectType,
      String subjectId,
      Object before,
      Object after) {
    events.save(
        new AuditEvent(
            EngineClock.now(), actor, action, subjectType, subjectId, write(before), write(after)));
  }

  /**
   * The kinds of object the log holds events about, for the search form (named by {@code
   * audit.subject.<kind>}).
   */
  @Transactional(readOnly = true)
  public List<String> subjectTypes() {
    return events.findSubjectTypes();
  }

  @Transactional(readOnly = true)
  public Page<AuditEvent> search(AuditSearch search, int page, int size) {
    return events.findAll(
        search.toSpecification(),
        PageRequest.of(
            Math.max(0, page),
            size,
            Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))));
  }

  private String write(Object value) {
    if (value == null) {
      return null;
    }
    String text;
    if (value instanceof CharSequence chars) {
      text = chars.toString();
    } else {
      try {
        text = json.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        text = String.valueOf(value);
      }
    }
    return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…";
  }
}
