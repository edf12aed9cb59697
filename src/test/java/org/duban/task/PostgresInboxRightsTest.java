package org.duban.task;

import org.duban.PostgresAppTest;

/**
 * {@link InboxRightsScenario} on a real PostgreSQL, the production database: the inbox's rule is
 * SQL.
 */
@PostgresAppTest
class PostgresInboxRightsTest extends InboxRightsScenario {}
