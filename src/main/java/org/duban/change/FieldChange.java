package org.duban.change;

/**
 * One field of one item that differs between two versions; {@code field} names the message key
 * {@code change.field.<field>}. An added or removed item shows as field {@code item}.
 */
public record FieldChange(
    Long itemId, String seq, String itemTitle, String field, String before, String after) {}
