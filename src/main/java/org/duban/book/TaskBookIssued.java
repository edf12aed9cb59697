package org.duban.book;

/**
 * Published inside the transaction that issues a book, so listeners record in the same transaction.
 */
public record TaskBookIssued(Long taskBookId, String actor) {}
