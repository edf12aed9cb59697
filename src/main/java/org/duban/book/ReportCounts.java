package org.duban.book;

/**
 * How many monthly reports an item has submitted. Check-ins are a feature above the book, so the
 * book asks this of them rather than naming their table.
 */
public interface ReportCounts {

  long submittedCheckIns(Long itemId);
}
