package org.duban.ladder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Working time the escalation ladder gives, under {@code duban.supervision.ladder}. The rhythm of
 * reminders and overdue timers is in the models (processes/escalation.bpmn); these are the
 * deadlines Duban writes into notices when nobody chooses one.
 *
 * @param redNoticeWorkingDays working days a red notice gives the department
 * @param replanWorkingDays working days for a new plan after it was sent back or reopened
 * @param dueHour the hour of the working day after a deadline at which it counts as missed
 */
@ConfigurationProperties("duban.supervision.ladder")
public record LadderSettings(
    @DefaultValue("5") int redNoticeWorkingDays,
    @DefaultValue("5") int replanWorkingDays,
    @DefaultValue("9") int dueHour) {}
