package org.duban.ladder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingReferralRepository extends JpaRepository<MeetingReferral, Long> {

  List<MeetingReferral> findByDecidedAtIsNullOrderByReferredAtAsc();

  Optional<MeetingReferral> findFirstByEscalationIdAndDecidedAtIsNull(Long escalationId);

  List<MeetingReferral> findByEscalationIdOrderByReferredAtAsc(Long escalationId);
}
