package org.duban.decomposition;

import jakarta.persistence.LockModeType;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DecompositionUploadRepository extends JpaRepository<DecompositionUpload, Long> {

  /** The upload, locked, so that a double click on 确认导入 imports it once. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select u from DecompositionUpload u where u.id = :id")
  Optional<DecompositionUpload> findForUpdate(Long id);

  Optional<DecompositionUpload> findFirstByTaskBookIdAndUploadedByAndSha256OrderByIdDesc(
      Long taskBookId, String uploadedBy, String sha256);

  @Modifying
  @Query("delete from DecompositionUpload u where u.createdAt < :cutoff")
  int deleteCreatedBefore(LocalDateTime cutoff);

  long countByTaskBookId(Long taskBookId);
}
