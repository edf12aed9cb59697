package org.duban.demo;

import org.springframework.data.jpa.repository.JpaRepository;

interface DemoClockStateRepository extends JpaRepository<DemoClockState, Integer> {}
