package org.duban.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditEventRepository
    extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

  /** The kinds of object the log holds events about (read from the subject index). */
  @Query(
      "select distinct e.subjectType from AuditEvent e where e.subjectType is not null order by e.subjectType")
  List<String> findSubjectTypes();
}
