package org.duban.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.duban.infrastructure.MessageText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox tables in plain SQL: inserts that must be once-only (behind {@link Savepoints}) and
 * the dispatcher's atomic claims, which JPA would only obscure. Runs on H2 and PostgreSQL.
 */
@Repository
class OutboxStore {

  private static final String DELIVERY_COLUMNS =
      "d.id, d.message_id, d.event_key, d.channel, d.recipient_key, d.address, d.mentions, d.status,"
          + " d.attempts, d.next_attempt_at, d.last_error, d.sent_at, d.sent_by, d.created_at,"
          + " m.kind, m.work_item_id, m.title, m.body, m.link, m.title_key, m.title_args, m.body_key, m.body_args";

  private final JdbcTemplate jdbc;

  OutboxStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insertMessage(Message message, LocalDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "insert into notification_message (event_key, kind, work_item_id, title, body, link, created_at,"
                      + " title_key, title_args, body_key, body_args) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setString(1, message.eventKey());
          ps.setString(2, message.kind().name());
          ps.setObject(3, message.workItemId());
          ps.setString(4, cut(message.title(), 200));
          ps.setString(5, message.body());
          ps.setString(6, message.link());
          ps.setObject(7, now);
          ps.setString(8, message.titleText() == null ? null : message.titleText().key());
          ps.setString(9, message.titleText() == null ? null : message.titleText().argsJson());
          ps.setString(10, message.bodyText() == null ? null : message.bodyText().key());
          ps.setString(11, message.bodyText() == null ? null : message.bodyText().argsJson());
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  void deleteMessage(long messageId) {
    jdbc.update("delete from notification_message where id = ?", messageId);
  }

  boolean inboxHas(String recipient, String eventKey) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select count(*) > 0 from inbox_entry where recipient = ? and event_key = ?",
            Boolean.class,
            recipient,
            eventKey));
  }

  void insertInboxEntry(long messageId, String recipient, String eventKey, LocalDateTime now) {
    jdbc.update(
        "insert into inbox_entry (message_id, recipient, event_key, created_at) values (?, ?, ?, ?)",
        messageId,
        recipient,
        eventKey,
        now);
  }

  void takeDailySlot(String recipientKey, Channel channel, long workItemId, LocalDate day) {
    jdbc.update(
        "insert into notification_daily_slot (recipient_key, channel, work_item_id, slot_date) values (?, ?, ?, ?)",
        recipientKey,
        channel.name(),
        workItemId,
        day);
  }

  void insertDelivery(
      long messageId,
      String eventKey,
      Channel channel,
      String recipientKey,
      String address,
      List<String> mentions,
      LocalDateTime due,
      LocalDateTime now) {
    jdbc.update(
        "insert into notification_delivery (message_id, event_key, channel, recipient_key, address, mentions,"
            + " status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
        messageId,
        eventKey,
        channel.name(),
        recipientKey,
        address,
        String.join(",", mentions),
        due,
        now);
  }

  /** Ids of deliveries whose time has come and that nobody holds, oldest first. */
  List<Long> dueIds(LocalDateTime now, int limit) {
    return jdbc.queryForList(
        "select id from notification_delivery where status = 'PENDING' and next_attempt_at <= ?"
            + " and (claim_until is null or claim_until < ?) order by next_attempt_at, id fetch first "
            + limit
            + " rows only",
        Long.class,
        now,
        now);
  }

  /**
   * Takes a delivery for this node until {@code until}. One conditional update: of two nodes
   * claiming the same row, the database lets exactly one change it, so each row is sent once.
   */
  boolean claim(long id, String node, LocalDateTime now, LocalDateTime until) {
    return jdbc.update(
            "update notification_delivery set claimed_by = ?, claim_until = ? where id = ? and status = 'PENDING'"
                + " and (claim_until is null or claim_until < ?)",
            node,
            until,
            id,
            now)
        == 1;
  }

  Delivery delivery(long id) {
    return jdbc.queryForObject(
        "select "
            + DELIVERY_COLUMNS
            + " from notification_delivery d join notification_message m on m.id = d.message_id"
            + " where d.id = ?",
        DELIVERY,
        id);
  }

  /** Sent by {@code node}, which the row keeps ({@code sent_by}) for operators of several nodes. */
  void sent(long id, String node, LocalDateTime at) {
    jdbc.update(
        "update notification_delivery set status = 'SENT', sent_at = ?, sent_by = ?, attempts = attempts + 1,"
            + " last_error = null, claimed_by = null, claim_until = null where id = ? and claimed_by = ?",
        at,
        node,
        id,
        node);
  }

  /** A failed try: again at {@code retryAt}, or FAILED for good when {@code retryAt} is null. */
  void failed(long id, String node, String error, LocalDateTime retryAt) {
    jdbc.update(
        "update notification_delivery set status = ?, attempts = attempts + 1, last_error = ?,"
            + " next_attempt_at = coalesce(?, next_attempt_at), claimed_by = null, claim_until = null"
            + " where id = ? and claimed_by = ?",
        retryAt == null ? Delivery.Status.FAILED.name() : Delivery.Status.PENDING.name(),
        error,
        retryAt,
        id,
        node);
  }

  /** Puts off a claimed delivery without counting a try (it fell into quiet hours). */
  void postpone(long id, String node, LocalDateTime until) {
    jdbc.update(
        "update notification_delivery set next_attempt_at = ?, claimed_by = null, claim_until = null"
            + " where id = ? and claimed_by = ?",
        until,
        id,
        node);
  }

  /** An admin's "try again" for a delivery that was given up. */
  boolean retry(long id, LocalDateTime now) {
    return jdbc.update(
            "update notification_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?"
                + " where id = ? and status = 'FAILED'",
            now,
            id)
        == 1;
  }

  List<Delivery> recent(Delivery.Status status, int limit) {
    String where = status == null ? "" : " where d.status = '" + status.name() + "'";
    return jdbc.query(
        "select "
            + DELIVERY_COLUMNS
            + " from notification_delivery d join notification_message m on m.id = d.message_id"
            + where
            + " order by d.id desc fetch first "
            + limit
            + " rows only",
        DELIVERY);
  }

  List<Delivery> forEvent(String eventKey) {
    return jdbc.query(
        "select "
            + DELIVERY_COLUMNS
            + " from notification_delivery d join notification_message m on m.id = d.message_id"
            + " where d.event_key = ? order by d.id",
        DELIVERY,
        eventKey);
  }

  private static final RowMapper<Delivery> DELIVERY =
      (ResultSet rs, int row) ->
          new Delivery(
              rs.getLong("id"),
              rs.getLong("message_id"),
              rs.getString("event_key"),
              Channel.valueOf(rs.getString("channel")),
              rs.getString("recipient_key"),
              rs.getString("address"),
              mentions(rs.getString("mentions")),
              Delivery.Status.valueOf(rs.getString("status")),
              rs.getInt("attempts"),
              time(rs, "next_attempt_at"),
              rs.getString("last_error"),
              time(rs, "sent_at"),
              rs.getString("sent_by"),
              time(rs, "created_at"),
              MessageKind.valueOf(rs.getString("kind")),
              (Long) rs.getObject("work_item_id", Long.class),
              rs.getString("title"),
              rs.getString("body"),
              rs.getString("link"),
              MessageText.stored(rs.getString("title_key"), rs.getString("title_args")),
              MessageText.stored(rs.getString("body_key"), rs.getString("body_args")));

  private static List<String> mentions(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toLocalDateTime();
  }
}
