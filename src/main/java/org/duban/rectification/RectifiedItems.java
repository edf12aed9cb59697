package org.duban.rectification;

import java.util.Optional;

/**
 * Which work item a rectification is about. A rectification belongs to an escalation, which the
 * ladder owns; the ladder answers this so that rectification need not know escalations.
 */
public interface RectifiedItems {

  Optional<Long> workItemIdOfEscalation(Long escalationId);
}
