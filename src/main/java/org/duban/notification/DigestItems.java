package org.duban.notification;

import java.util.List;

/**
 * The open items the weekly digest counts. The notification kernel knows no feature's tables, so
 * the book (which owns the items) answers through this interface, with its own types and enum
 * constants.
 */
public interface DigestItems {

  /** Every open item (issued, neither closed nor cancelled), by id. */
  List<OpenItem> open();

  /** The open items this leader is in charge of (分管), by id. */
  List<OpenItem> openInChargeOf(Long leaderId);

  /** The leaders in charge of at least one open item, by id. */
  List<Long> leadersInCharge();

  /**
   * One open item: its light ({@code null} when unlit) and, for the red ones, its name and lead
   * department.
   */
  record OpenItem(long id, String title, String leadDepartment, DigestLight light) {}

  /** The lights as the digest counts them. */
  enum DigestLight {
    RED,
    YELLOW,
    GREEN
  }
}
