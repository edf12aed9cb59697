package org.duban.checkin;

import java.util.List;

/**
 * One indicator's readings against its target line, laid out for a small SVG (viewBox {@value
 * #WIDTH} × {@value #HEIGHT}); y grows downwards as in SVG.
 */
public record IndicatorChart(
    String title,
    String unit,
    List<Point> readings,
    Line target,
    Line baseline,
    String minLabel,
    String maxLabel) {

  public static final int WIDTH = 320;
  public static final int HEIGHT = 140;

  /** A reading: where it is drawn, what it says, and whether it meets the target or keeps pace. */
  public record Point(
      double x, double y, String period, String value, boolean met, boolean onSchedule) {
    public String cssClass() {
      return met ? "met" : onSchedule ? "on-schedule" : "behind";
    }
  }

  /** A horizontal line at a value, or null when there is none. */
  public record Line(double y, String label) {}

  /** The readings as an SVG polyline's points attribute. */
  public String polyline() {
    StringBuilder points = new StringBuilder();
    for (Point point : readings) {
      points.append(point.x()).append(',').append(point.y()).append(' ');
    }
    return points.toString().trim();
  }
}
