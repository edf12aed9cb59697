package org.duban.assessment;

import org.duban.task.DecisionRejected;

/**
 * Bad input to an assessment (weights, an appeal, a decision): the message key of bundle
 * {@code i18n/assessment} shown beside the field; nothing is changed.
 */
public class AssessmentRejected extends DecisionRejected {

  public AssessmentRejected(String field, String messageKey, Object... args) {
    super(field, messageKey, args);
  }
}
