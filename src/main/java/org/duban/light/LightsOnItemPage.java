package org.duban.light;

import java.util.Map;
import org.duban.book.ItemPageSection;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The item page's lights: the latest twenty the sweep gave, latest first. */
@Component
class LightsOnItemPage implements ItemPageSection {

  private final LightAssessmentRepository lights;

  LightsOnItemPage(LightAssessmentRepository lights) {
    this.lights = lights;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> attributes(Long itemId, CurrentUser user) {
    return Map.of("lights", lights.findTop20ByWorkItemIdOrderByAssessedAtDescIdDesc(itemId));
  }
}
