package org.duban.deployment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duban.infrastructure.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/**
 * The model files uploaded by admins (or imported from a node's folders), in the database: what
 * every node deploys in place of its starting set's file of the same name. Written in the caller's
 * transaction, so a refused or failed deploy stores nothing.
 */
@Repository
public class ModelStore {

  /** Where a stored file came from. */
  public enum Origin {
    UPLOAD,
    FOLDER
  }

  /** One stored file as the admin page lists it. */
  public record StoredFile(
      String resource, String origin, String storedBy, LocalDateTime storedAt) {}

  private final JdbcTemplate jdbc;

  ModelStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every stored file by resource name ({@code processes/item-light.dmn}). */
  public Map<String, byte[]> contents() {
    Map<String, byte[]> files = new TreeMap<>();
    jdbc.query(
        "select resource, content from model_file",
        rs -> {
          files.put(rs.getString("resource"), rs.getBytes("content"));
        });
    return files;
  }

  public List<StoredFile> list() {
    return jdbc.query(
        "select resource, origin, stored_by, stored_at from model_file order by resource",
        (rs, i) ->
            new StoredFile(
                rs.getString("resource"),
                rs.getString("origin"),
                rs.getString("stored_by"),
                rs.getTimestamp("stored_at").toLocalDateTime()));
  }

  /** Stores each file, replacing what was stored under its name. */
  void store(Map<String, byte[]> files, Origin origin) {
    String by = actor();
    LocalDateTime at = EngineClock.now();
    files.forEach(
        (resource, content) -> {
          int updated =
              jdbc.update(
                  "update model_file set content = ?, origin = ?, stored_by = ?, stored_at = ? where resource = ?",
                  content,
                  origin.name().toLowerCase(),
                  by,
                  at,
                  resource);
          if (updated == 0) {
            jdbc.update(
                "insert into model_file (resource, content, origin, stored_by, stored_at) values (?, ?, ?, ?, ?)",
                resource,
                content,
                origin.name().toLowerCase(),
                by,
                at);
          }
        });
  }

  /** Removes the stored files of these names: every node deploys its starting set's file again. */
  void forget(java.util.Collection<String> resources) {
    resources.forEach(
        resource -> jdbc.update("delete from model_file where resource = ?", resource));
  }

  /** Forgets every stored file: for tests, which put the starting set back. */
  void clear() {
    jdbc.update("delete from model_file");
  }

  private static String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || authentication.getName() == null
        ? "system"
        : authentication.getName();
  }
}
