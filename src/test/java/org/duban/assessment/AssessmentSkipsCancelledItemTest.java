package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.book.DepartmentWorkService;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 point 8: an item cancelled (撤销) by an approved change is a withdrawn target, so the
 * year-end assessment neither scores it nor counts it against its department.
 */
@RunningAppTest
class AssessmentSkipsCancelledItemTest {

  @Autowired TestHospital hospital;
  @Autowired AssessmentBooks books;
  @Autowired AssessmentService service;
  @Autowired AssessmentResults results;
  @Autowired DepartmentWorkService departmentWork;

  @Test
  void aCancelledItemIsNotScored() {
    hospital.ensure();
    AssessmentBooks.Book book = books.issued("考核撤销任务书", EngineClock.today().getYear());

    // When the nursing item is cancelled (what an approved cancel proposal does) and the office
    // opens the assessment
    assertThat(departmentWork.cancel(book.nursingItem(), "tleader", "目标取消")).isTrue();
    Assessment assessment =
        service.open(
            book.bookId(),
            Map.of(book.partyArea(), 40, book.medicalArea(), 60),
            hospital.user("tducha"));

    // Then only the two medical items are scored; the nursing department has no scored item
    AssessmentResults.Overview overview = results.overview(assessment.getId());
    assertThat(overview.department(hospital.department("tmedical").getId()).items()).hasSize(2);
    assertThat(overview.departments())
        .noneSatisfy(
            d ->
                assertThat(d.items())
                    .anySatisfy(i -> assertThat(i.workItemId()).isEqualTo(book.nursingItem())));
  }
}
