package org.duban.deployment;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The build copies the bpmn-js viewer from src/lint's npm install into static/vendor/bpmn-js; the
 * app serves it, like its own CSS, without a log-in (no CDN: hospitals' networks are closed).
 */
class BpmnViewerServedWebTest extends WebTestSupport {

  @Test
  void theViewerAndItsStylesAreServedFromVendor() throws Exception {
    mvc.perform(get("/vendor/bpmn-js/bpmn-viewer.production.min.js"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("BpmnJS")));
    mvc.perform(get("/vendor/bpmn-js/assets/bpmn-js.css")).andExpect(status().isOk());
    mvc.perform(get("/vendor/bpmn-js/assets/diagram-js.css")).andExpect(status().isOk());
    mvc.perform(get("/vendor/bpmn-js/assets/bpmn-font/css/bpmn.css")).andExpect(status().isOk());
  }
}
