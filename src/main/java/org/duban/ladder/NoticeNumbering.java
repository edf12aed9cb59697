package org.duban.ladder;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out notice numbers per year without gaps or doubles, also with several nodes: the year's
 * counter row is locked for the rest of the issuing transaction.
 */
@Component
class NoticeNumbering {

  private final NoticeCounterRepository counters;
  private final TransactionTemplate newTransaction;

  NoticeNumbering(NoticeCounterRepository counters, PlatformTransactionManager transactionManager) {
    this.counters = counters;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  int next(int year) {
    if (counters.lockYear(year).isEmpty()) {
      createCounter(year);
    }
    return counters.lockYear(year).orElseThrow().next();
  }

  private void createCounter(int year) {
    try {
      newTransaction.executeWithoutResult(status -> counters.saveAndFlush(new NoticeCounter(year)));
    } catch (DataIntegrityViolationException concurrentlyCreated) {
      // another node created this year's counter first: fine, we lock theirs
    }
  }
}
