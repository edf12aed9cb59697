package org.duban.board;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What board.js draws, as JSON from {@code /board/data}: the texts in the reader's language, the
 * counts with the links behind them, progress against time per department, and indicators.
 */
public record BoardData(
    Map<String, String> labels,
    Row total,
    List<Row> departments,
    List<BoardProgress.Department> progress,
    List<BoardProgress.IndicatorSeries> indicators) {

  static final List<Bucket> SHOWN =
      List.of(Bucket.RED, Bucket.YELLOW, Bucket.GREEN, Bucket.NONE, Bucket.CLOSED);

  /** A row's counts by bucket and the page of each bucket's items. */
  public record Row(String key, String label, Map<Bucket, Long> counts, Map<Bucket, String> links) {

    static Row of(LightCounts counts, BoardFilter filter, String contextPath) {
      Map<Bucket, Long> numbers = new LinkedHashMap<>();
      Map<Bucket, String> links = new LinkedHashMap<>();
      for (Bucket bucket : Bucket.values()) {
        numbers.put(bucket, counts.count(bucket));
        links.put(bucket, contextPath + filter.items(bucket));
      }
      return new Row(counts.key(), counts.label(), numbers, links);
    }
  }
}
