package org.duban.assessment;

import org.duban.PostgresAppTest;

/**
 * {@link AssessmentFactsTest} on PostgreSQL: migration V15, the facts' SQL, the decision and the
 * weighted scores there as on H2.
 */
@PostgresAppTest
class PostgresAssessmentTest extends AssessmentFactsTest {}
