package org.duban.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RobotRepository extends JpaRepository<Robot, Long> {

  List<Robot> findAllByOrderByPlatformAscDepartmentIdAscIdAsc();

  List<Robot> findByPlatformAndActiveTrueOrderByIdAsc(Channel platform);
}
