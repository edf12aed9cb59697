package org.duban.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statutory holidays and worked weekend days Duban ships with, from {@code
 * calendar/cn-holidays.csv} (date,kind,name,source,provisional). The one place of the seed: the
 * Flyway migration writes it into the table and the process tests' engine reads it directly.
 */
public final class HolidaySeed {

  public static final String RESOURCE = "calendar/cn-holidays.csv";

  private HolidaySeed() {}

  public static List<SpecialDay> read() {
    try (InputStream in = HolidaySeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<SpecialDay> parse(BufferedReader reader) throws IOException {
    List<SpecialDay> days = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("date,")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      days.add(
          new SpecialDay(
              LocalDate.parse(cells[0].strip()),
              DayKind.valueOf(cells[1].strip()),
              cells[2],
              cells.length > 3 ? cells[3] : "",
              cells.length > 4 && Boolean.parseBoolean(cells[4].strip())));
    }
    return days;
  }
}
