package org.duban.light;

import java.util.List;
import java.util.Map;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.TimelineDetailSource;
import org.springframework.stereotype.Component;

/** Beside a light's event on the item's timeline: the rule and the figures behind it. */
@Component
class LightsOnTimeline implements TimelineDetailSource {

  private final LightAssessmentRepository lights;

  LightsOnTimeline(LightAssessmentRepository lights) {
    this.lights = lights;
  }

  @Override
  public TimelineDetails of(Long itemId, List<ItemEvent> events) {
    List<LightAssessment> ofItem = lights.findByWorkItemIdOrderByAssessedAtAscIdAsc(itemId);
    // the light recorded in the same step as the event: the latest assessed at or before it
    return (event, kind) ->
        kind == EventKind.LIGHT_SET
            ? TimelineDetailSource.detail(
                LIGHT,
                TimelineDetailSource.latestAtOrBefore(
                    ofItem, LightAssessment::getAssessedAt, event.getOccurredAt()))
            : Map.of();
  }
}
