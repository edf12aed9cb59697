package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.duban.IssuedItemFixture;
import org.duban.StatementCounter;
import org.duban.book.ItemLights.LightChange;
import org.duban.book.ItemLights.LightSetting;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lighting items is set-based: thirty items cost as many SQL statements as two (one read, one batch
 * of updates), so a sweep that lights many items at once does not pay per item.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(StatementCounter.class)
class ItemLightsStatementsTest {

  @Autowired IssuedItemFixture fixture;
  @Autowired ItemLights lights;
  @Autowired WorkItemRepository workItems;
  @Autowired StatementCounter statements;
  @Autowired TransactionTemplate transaction;

  @Test
  void thirtyItemsAreLitWithAsManyStatementsAsTwo() {
    List<Long> few = items("亮灯计数-小", 2);
    List<Long> many = items("亮灯计数-大", 30);
    LocalDateTime at = EngineClock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    long forFew = statementsToLight(few, at);
    long forMany = statementsToLight(many, at);

    assertThat(forMany)
        .as("statements to light 30 items against 2")
        .isEqualTo(forFew)
        .isLessThan(5);
    transaction.executeWithoutResult(
        status ->
            assertThat(workItems.findAllById(many))
                .hasSize(30)
                .allSatisfy(
                    item -> {
                      assertThat(item.getLight())
                          .isEqualTo(item.getId() % 2 == 0 ? Light.RED : Light.YELLOW);
                      assertThat(item.getLightReason()).isEqualTo("reason " + item.getId());
                      assertThat(item.getLightAt()).isEqualTo(at);
                    }));
  }

  @Test
  void eachChangeSaysWhatTheLightWasBefore() {
    List<Long> ids = items("亮灯前后", 2);
    LocalDateTime at = EngineClock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    lights.set(Map.of(ids.get(0), new LightSetting(Light.GREEN, "on track")), at);

    List<LightChange> changes =
        lights.set(
            Map.of(
                ids.get(0), new LightSetting(Light.GREEN, "still on track"),
                ids.get(1), new LightSetting(Light.RED, "behind")),
            at);

    assertThat(changes)
        .containsExactly(
            new LightChange(ids.get(0), changes.get(0).taskBookId(), Light.GREEN, Light.GREEN),
            new LightChange(ids.get(1), changes.get(0).taskBookId(), null, Light.RED));
    assertThat(changes).extracting(LightChange::changed).containsExactly(false, true);
  }

  private List<Long> items(String title, int count) {
    TaskBook book = fixture.draft(title);
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> fixture.addItem(book, String.valueOf(i), title + i).getId())
        .toList();
  }

  private long statementsToLight(List<Long> ids, LocalDateTime at) {
    Map<Long, LightSetting> settings = new LinkedHashMap<>();
    ids.forEach(
        id ->
            settings.put(
                id, new LightSetting(id % 2 == 0 ? Light.RED : Light.YELLOW, "reason " + id)));
    return transaction.execute(
        status -> {
          long before = statements.count();
          assertThat(lights.set(settings, at)).hasSize(ids.size()).allMatch(LightChange::changed);
          return statements.count() - before;
        });
  }
}
