package org.duban.urge;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duban.book.ItemFacts;
import org.duban.book.WorkItemQueries;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.duban.notification.Message;
import org.duban.notification.MessageKind;
import org.duban.notification.Notifier;
import org.duban.org.PersonRepository;
import org.duban.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an urge (催办), writes it into the item's history and tells the lead department's heads and
 * whoever holds the item's open tasks, all in one transaction: an urge over a limit, or with a bad
 * message, records nothing and tells nobody.
 */
@Service
public class UrgeService {

  private static final Logger log = LoggerFactory.getLogger(UrgeService.class);

  /** Longest message, as the urge table keeps it. */
  public static final int MAX_MESSAGE = 500;

  private final UrgeRepository urges;
  private final UrgeQuotaRepository quotas;
  private final UrgeLimits limits;
  private final UrgeRights rights;
  private final UrgeRecipients recipients;
  private final WorkItemQueries items;
  private final PersonRepository people;
  private final ItemHistory history;
  private final Notifier notifier;
  private final TransactionTemplate newTransaction;

  UrgeService(
      UrgeRepository urges,
      UrgeQuotaRepository quotas,
      UrgeLimits limits,
      UrgeRights rights,
      UrgeRecipients recipients,
      WorkItemQueries items,
      PersonRepository people,
      ItemHistory history,
      Notifier notifier,
      PlatformTransactionManager transactionManager) {
    this.urges = urges;
    this.quotas = quotas;
    this.limits = limits;
    this.rights = rights;
    this.recipients = recipients;
    this.items = items;
    this.people = people;
    this.history = history;
    this.notifier = notifier;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * @throws AccessDeniedException when the user may not urge this item (403)
   * @throws UserError for a missing or too long message, or over a daily limit
   */
  @Transactional
  public Urge urge(Long workItemId, CurrentUser user, String message) {
    ItemFacts item = items.facts(workItemId).orElseThrow(NotFound::new);
    if (!rights.mayUrge(item, user)) {
      throw new AccessDeniedException("urge item " + workItemId);
    }
    String text = message == null ? "" : message.strip();
    if (text.isEmpty()) {
      throw new UserError("urge.message.required");
    }
    if (text.length() > MAX_MESSAGE) {
      throw new UserError("urge.message.tooLong", MAX_MESSAGE);
    }
    String urger = user.getUsername();
    LocalDateTime now = EngineClock.now();
    LocalDate today = now.toLocalDate();
    if (urges.countByWorkItemIdAndUrgerAndUrgeDay(workItemId, urger, today)
        >= limits.perItemPerDay()) {
      throw new UserError("urge.limit.item", limits.perItemPerDay());
    }
    // the quota row is locked until commit: a second request of the same urger waits here and then
    // sees this one counted, also on another node
    UrgeQuota quota = lockQuota(urger, today);
    if (quota.used() >= limits.perUrgerPerDay()) {
      throw new UserError("urge.limit.daily", limits.perUrgerPerDay());
    }
    if (urges.countByWorkItemIdAndUrgerAndUrgeDay(workItemId, urger, today)
        >= limits.perItemPerDay()) {
      throw new UserError("urge.limit.item", limits.perItemPerDay());
    }
    quota.use();
    Urge urge = urges.save(new Urge(workItemId, urger, text, now));
    history.itemEvent(workItemId, item.taskBookId(), urger, EventKind.ITEM_URGED, text);
    Set<String> to = new LinkedHashSet<>(recipients.of(item));
    to.remove(urger);
    if (!to.isEmpty()) {
      notifier.send(message(urge, item, to));
    }
    log.info("item {} urged by {} (urge {}), told {}", workItemId, urger, urge.getId(), to);
    return urge;
  }

  @Transactional(readOnly = true)
  public List<Urge> ofItem(Long workItemId) {
    return urges.findByWorkItemIdOrderByUrgedAtAscIdAsc(workItemId);
  }

  private Message message(Urge urge, ItemFacts item, Set<String> to) {
    String urgerName =
        people.findByUsername(urge.getUrger()).map(p -> p.getFullName()).orElse(urge.getUrger());
    String subject = item.seq() + ". " + item.title();
    // kept as keys: the inbox shows it in the reader's language, e-mail and robots in the
    // recipient's
    return Message.worded(
        "urge-" + urge.getId(),
        Set.copyOf(to),
        item.id(),
        MessageKind.URGE,
        MessageText.of("urge.notify.title", subject),
        MessageText.of("urge.notify.body", urgerName, subject, urge.getMessage()),
        "/items/" + item.id());
  }

  private UrgeQuota lockQuota(String urger, LocalDate day) {
    if (quotas.lock(urger, day).isEmpty()) {
      try {
        newTransaction.executeWithoutResult(
            status -> quotas.saveAndFlush(new UrgeQuota(urger, day)));
      } catch (DataIntegrityViolationException concurrentlyCreated) {
        // another request of the same urger created today's row first: we lock theirs
      }
    }
    return quotas.lock(urger, day).orElseThrow();
  }
}
