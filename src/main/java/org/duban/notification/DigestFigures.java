package org.duban.notification;

import java.util.List;

/**
 * What one person's weekly digest says: lights of the open items they care about, the red ones by
 * name and lead department, and for the supervision office the open notices and overdue
 * rectifications.
 */
public record DigestFigures(
    int red,
    int yellow,
    int green,
    int unlit,
    List<RedItem> redItems,
    Integer openNotices,
    Integer overdueRectifications) {

  public record RedItem(long id, String title, String leadDepartment) {}
}
