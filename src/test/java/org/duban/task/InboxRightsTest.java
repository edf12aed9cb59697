package org.duban.task;

import org.duban.RunningAppTest;

/** {@link InboxRightsScenario} on the test profile's H2, in the shared running application. */
@RunningAppTest
class InboxRightsTest extends InboxRightsScenario {}
