package org.duban.orgadmin;

/** Something wrong with an admin's or a user's input: a message key of i18n/people and its arguments. */
public record PeopleProblem(String key, Object... args) {}
