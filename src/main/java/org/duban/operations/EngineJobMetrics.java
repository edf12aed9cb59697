package org.duban.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine's job backlog and failures as Prometheus gauges, for alerts: jobs that are due and
 * still have retries (a backlog that only grows means no node's job executor is running), jobs out
 * of retries, and open incidents. They count the whole database, so every node reports the same
 * figures (alert on max, not sum). The job executor's threads come from Spring Boot's own executor
 * metrics ({@code executor_*{name="camundaTaskExecutor"}}).
 *
 * <p>Each is one count query per scrape; while the database is down the gauge reads NaN.
 */
@Component
class EngineJobMetrics implements MeterBinder {

  private final ManagementService managementService;
  private final RuntimeService runtimeService;

  EngineJobMetrics(ManagementService managementService, RuntimeService runtimeService) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "duban.engine.jobs.due",
            this,
            m -> m.managementService.createJobQuery().executable().count())
        .description(
            "Jobs (timers, async steps) that are due and have retries left, in the whole database")
        .register(registry);
    Gauge.builder(
            "duban.engine.jobs.failed",
            this,
            m -> m.managementService.createJobQuery().noRetriesLeft().count())
        .description("Jobs that ran out of retries and wait for an admin (Cockpit)")
        .register(registry);
    Gauge.builder(
            "duban.engine.incidents", this, m -> m.runtimeService.createIncidentQuery().count())
        .description("Open incidents of the engine")
        .register(registry);
  }
}
