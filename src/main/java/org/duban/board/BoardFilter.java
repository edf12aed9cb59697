package org.duban.board;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the board looks at: a task book, a year, a goal area (by name, since every book keeps its
 * own areas), a lead department and a leader in charge; null means "all". The same filter, plus a
 * {@link Bucket}, selects the items behind a number.
 */
public record BoardFilter(Long book, Integer year, String area, Long department, Long leader) {

  public static BoardFilter of(Long book, Integer year, String area, Long department, Long leader) {
    return new BoardFilter(
        book, year, area == null || area.isBlank() ? null : area.strip(), department, leader);
  }

  /** The same filter held to one department: what a department head may see. */
  public BoardFilter heldTo(Long departmentId) {
    return new BoardFilter(book, year, area, departmentId, leader);
  }

  public BoardFilter withDepartment(Long departmentId) {
    return new BoardFilter(book, year, area, departmentId, leader);
  }

  public BoardFilter withLeader(Long leaderId) {
    return new BoardFilter(book, year, area, department, leaderId);
  }

  public BoardFilter withArea(String areaName) {
    return new BoardFilter(book, year, areaName, department, leader);
  }

  /** The page of a bucket's items under this filter: "/board/items?show=RED&book=1". */
  public String items(Bucket bucket) {
    return "/board/items" + query(bucket);
  }

  /**
   * This filter narrowed to one row of a board table: its dimension and key (as the row shows it).
   */
  public BoardFilter row(String dimension, String key) {
    String value = key == null || key.isEmpty() ? null : key;
    return switch (dimension) {
      case "department" -> withDepartment(value == null ? null : Long.valueOf(value));
      case "leader" -> withLeader(value == null ? null : Long.valueOf(value));
      case "area" -> withArea(value);
      default -> this;
    };
  }

  /** The query string of this filter ("?book=1&year=2026"), empty for no filter. */
  public String query() {
    return query(null);
  }

  /** The query string of this filter and the items of one bucket. */
  public String query(Bucket bucket) {
    UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
    if (bucket != null) {
      uri.queryParam("show", bucket.name());
    }
    add(uri, "book", book);
    // no year is "every year", said explicitly: the board without a year opens on the current one
    uri.queryParam("year", year == null ? "" : year);
    add(uri, "area", area);
    add(uri, "department", department);
    add(uri, "leader", leader);
    return uri.encode().build().toUriString();
  }

  private static void add(UriComponentsBuilder uri, String name, Object value) {
    if (value != null) {
      uri.queryParam(name, value);
    }
  }

  /** The conditions on {@code i} (a WorkItem) this filter sets, with their parameters. */
  Where where() {
    Where where = new Where();
    where.and("i.stage <> :draft", "draft", org.duban.book.ItemStage.DRAFT);
    // a cancelled (撤销) item is a withdrawn target: neither open, nor done, nor counted
    where.and("i.stage <> :cancelled", "cancelled", org.duban.book.ItemStage.CANCELLED);
    if (book != null) {
      where.and("i.taskBook.id = :book", "book", book);
    }
    if (year != null) {
      where.and("i.taskBook.year = :year", "year", year);
    }
    if (area != null) {
      where.and("i.goalArea.name = :area", "area", area);
    }
    if (department != null) {
      where.and("i.leadDepartment.id = :department", "department", department);
    }
    if (leader != null) {
      where.and("i.leaderInCharge.id = :leader", "leader", leader);
    }
    return where;
  }

  /** JPQL conditions joined by "and", with their named parameters. */
  static final class Where {
    final List<String> clauses = new ArrayList<>();
    final java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();

    Where and(String clause) {
      clauses.add(clause);
      return this;
    }

    Where and(String clause, String name, Object value) {
      clauses.add(clause);
      parameters.put(name, value);
      return this;
    }

    String jpql() {
      return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }
  }
}
