package org.duban.book;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.NotFound;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets the lights (红黄绿灯) of items, as the weekly sweep decides them. Set-based: the items are read
 * in one query and written in JDBC batches, so lighting many items costs a few statements, not two
 * per item.
 */
@Service
public class ItemLights {

  /** Statements per JDBC batch when the lights are written. */
  static final int BATCH_SIZE = 100;

  /** The light an item gets, and why. */
  public record LightSetting(Light light, String reason, MessageText reasonText) {

    public LightSetting(Light light, String reason) {
      this(light, reason, null);
    }
  }

  /** What setting the light did to one item. */
  public record LightChange(Long itemId, Long taskBookId, Light before, Light after) {

    public boolean changed() {
      return before != after;
    }
  }

  @PersistenceContext private EntityManager entityManager;

  /**
   * Lights every item of the map as it says, at the given time; the changes come back in item
   * order.
   *
   * @throws NotFound when an item does not exist (nothing is set then)
   */
  @Transactional
  public List<LightChange> set(Map<Long, LightSetting> settings, LocalDateTime at) {
    if (settings.isEmpty()) {
      return List.of();
    }
    List<Long> ids = settings.keySet().stream().sorted().toList();
    Session session = entityManager.unwrap(Session.class);
    // one query for the items the caller has not loaded already
    List<WorkItem> items =
        session.byMultipleIds(WorkItem.class).enableSessionCheck(true).multiLoad(ids);
    if (items.contains(null)) {
      throw new NotFound();
    }
    List<LightChange> changes = new ArrayList<>(items.size());
    for (WorkItem item : items) {
      LightSetting setting = settings.get(item.getId());
      Light before = item.getLight();
      item.lit(setting.light(), setting.reason(), setting.reasonText(), at);
      changes.add(
          new LightChange(item.getId(), item.getTaskBook().getId(), before, setting.light()));
    }
    flushInBatches(session);
    return changes;
  }

  /**
   * Writes the lights now, batched for this flush only: the rest of the application keeps its
   * settings.
   */
  private static void flushInBatches(Session session) {
    Integer before = session.getJdbcBatchSize();
    session.setJdbcBatchSize(BATCH_SIZE);
    try {
      session.flush();
    } finally {
      session.setJdbcBatchSize(before);
    }
  }
}
