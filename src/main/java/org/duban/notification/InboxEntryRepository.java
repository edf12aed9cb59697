package org.duban.notification;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InboxEntryRepository extends JpaRepository<InboxEntry, Long> {

  long countByRecipientAndReadAtIsNull(String recipient);

  Optional<InboxEntry> findByIdAndRecipient(Long id, String recipient);

  Optional<InboxEntry> findByRecipientAndEventKey(String recipient, String eventKey);

  @Query("select e from InboxEntry e where e.recipient = :recipient order by e.id desc")
  List<InboxEntry> newestFirst(String recipient, Pageable page);

  @Query(
      "select e from InboxEntry e where e.recipient = :recipient and e.message.kind = :kind order by e.id desc")
  List<InboxEntry> newestFirst(String recipient, MessageKind kind, Pageable page);

  @Modifying
  @Query(
      "update InboxEntry e set e.readAt = :at where e.recipient = :recipient and e.readAt is null")
  int markAllRead(String recipient, LocalDateTime at);
}
