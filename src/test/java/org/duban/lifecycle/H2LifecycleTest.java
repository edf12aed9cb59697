package org.duban.lifecycle;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The whole lifecycle on H2, the first-run database. */
@SpringBootTest
@ActiveProfiles("test")
class H2LifecycleTest extends LifecycleScenario {}
