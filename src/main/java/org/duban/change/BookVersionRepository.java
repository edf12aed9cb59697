package org.duban.change;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BookVersionRepository extends JpaRepository<BookVersion, Long> {

  List<BookVersion> findByTaskBookIdOrderByVersionNoAsc(Long taskBookId);

  Optional<BookVersion> findFirstByTaskBookIdOrderByVersionNoDesc(Long taskBookId);
}
