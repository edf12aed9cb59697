package org.duban.calendar.db;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.duban.calendar.HolidaySeed;
import org.duban.calendar.SpecialDay;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Writes the shipped holidays (calendar/cn-holidays.csv) into work_calendar_day once. A Spring
 * bean, because Spring Boot hands JavaMigration beans to Flyway; it must depend on nothing that
 * needs the schema.
 */
@Component
public class V4_1__SeedWorkCalendar extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String sql =
        "insert into work_calendar_day (special_date, kind, name, source, provisional, updated_by, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)";
    // the migration's own wall clock: the engine clock is not running yet
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    try (PreparedStatement insert = context.getConnection().prepareStatement(sql)) {
      for (SpecialDay day : HolidaySeed.read()) {
        insert.setDate(1, Date.valueOf(day.date()));
        insert.setString(2, day.kind().name());
        insert.setString(3, day.name());
        insert.setString(4, day.source());
        insert.setBoolean(5, day.provisional());
        insert.setString(6, "seed");
        insert.setTimestamp(7, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
