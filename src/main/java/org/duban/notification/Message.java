package org.duban.notification;

import java.util.Set;

/**
 * One thing to tell people about an item. {@code eventKey} names the event (e.g. {@code notice-42},
 * {@code reminder-<taskId>-2026-12-03}): a message with a key already sent to a recipient is not sent
 * again, so jobs that run twice tell nobody twice. Title and body are Chinese text for people; the
 * link is a path in Duban (e.g. {@code /tasks/abc}) that channels turn into a full address.
 */
public record Message(
    String eventKey,
    Set<String> recipients,
    Long workItemId,
    MessageKind kind,
    String title,
    String body,
    String link) {}
