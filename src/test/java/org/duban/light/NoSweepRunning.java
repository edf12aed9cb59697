package org.duban.light;

import org.camunda.bpm.engine.RuntimeService;

/**
 * A test's starting point for "run now": a sweep another test of the same cached context left
 * running (no job executor runs its jobs in tests) would make "run now" be refused. Runs the jobs
 * of every running sweep, and ends one that still does not finish (an item that fails on purpose).
 */
public final class NoSweepRunning {

  private NoSweepRunning() {}

  public static void ensure(WeeklySupervisionService weekly, RuntimeService runtimeService) {
    weekly.executeJobsOfRunningSweeps();
    weekly
        .runningSweep()
        .ifPresent(
            stuck ->
                runtimeService.deleteProcessInstance(stuck.processInstanceId(), "test clean-up"));
  }
}
