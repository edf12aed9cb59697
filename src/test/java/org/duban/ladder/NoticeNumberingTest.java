package org.duban.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.RunningAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@RunningAppTest
class NoticeNumberingTest {

  @Autowired NoticeNumbering numbering;
  @Autowired PlatformTransactionManager transactionManager;

  private int next(int year) {
    return new TransactionTemplate(transactionManager).execute(status -> numbering.next(year));
  }

  @Test
  void numbersRunOnWithoutGapsWithinAYearAndStartAgainInTheNext() {
    // Given years nobody has numbered in yet (the context may be shared with other tests)
    int year = 2090;
    // When notices are numbered in separate transactions
    int first = next(year);
    int second = next(year);
    int nextYearFirst = next(year + 1);
    // Then they count up within the year and restart at 1 in the next
    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
    assertThat(nextYearFirst).isEqualTo(1);
  }

  @Test
  void aRolledBackNoticeGivesItsNumberBack() {
    int year = 2092;
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    template.executeWithoutResult(
        status -> {
          numbering.next(year);
          status.setRollbackOnly();
        });
    assertThat(next(year)).isEqualTo(1);
  }
}
