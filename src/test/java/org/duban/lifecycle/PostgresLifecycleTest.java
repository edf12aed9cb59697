package org.duban.lifecycle;

import org.duban.PostgresAppTest;

/** The whole lifecycle again on a real PostgreSQL, the production database. */
@PostgresAppTest
class PostgresLifecycleTest extends LifecycleScenario {}
