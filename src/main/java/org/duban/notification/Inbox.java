package org.duban.notification;

import java.util.List;
import java.util.Optional;
import org.duban.infrastructure.EngineClock;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's in-app messages: newest first, unread until opened. Nobody reads another's. */
@Service
public class Inbox {

  static final int PAGE_SIZE = 50;

  private final InboxEntryRepository entries;

  Inbox(InboxEntryRepository entries) {
    this.entries = entries;
  }

  /** One count query, for the badge in every page's header. */
  @Transactional(readOnly = true)
  public long unread(String username) {
    return username == null ? 0 : entries.countByRecipientAndReadAtIsNull(username);
  }

  @Transactional(readOnly = true)
  public List<InboxEntry> entries(String username, MessageKind kind, int page) {
    PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
    return kind == null
        ? entries.newestFirst(username, request)
        : entries.newestFirst(username, kind, request);
  }

  /** An opened entry: where its message points (may be null). */
  public record Opened(String link) {}

  /** Marks an entry of this person read; empty when it is not theirs (or does not exist). */
  @Transactional
  public Optional<Opened> open(String username, Long entryId) {
    Optional<InboxEntry> entry = entries.findByIdAndRecipient(entryId, username);
    entry.ifPresent(e -> e.read(EngineClock.now()));
    return entry.map(e -> new Opened(e.getMessage().getLink()));
  }

  @Transactional
  public int markAllRead(String username) {
    return entries.markAllRead(username, EngineClock.now());
  }
}
