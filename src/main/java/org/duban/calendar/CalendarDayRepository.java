package org.duban.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarDayRepository extends JpaRepository<CalendarDay, Long> {

  Optional<CalendarDay> findByDate(LocalDate date);

  List<CalendarDay> findByDateBetweenOrderByDate(LocalDate from, LocalDate to);

  @Modifying
  @Query("delete from CalendarDay d where d.date between ?1 and ?2")
  int deleteByDateBetween(LocalDate from, LocalDate to);
}
