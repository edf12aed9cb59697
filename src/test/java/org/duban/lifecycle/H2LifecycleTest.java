package org.duban.lifecycle;

import org.duban.RunningAppTest;

/** The whole lifecycle on H2, the first-run database. */
@RunningAppTest
class H2LifecycleTest extends LifecycleScenario {}
