package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.duban.book.ItemStage;
import org.duban.book.TaskBookRepository;
import org.duban.book.TaskBookStatus;
import org.duban.book.WorkItemRepository;
import org.duban.ladder.EscalationRepository;
import org.duban.org.DepartmentRepository;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo hospital a first `mvn spring-boot:run` gets, seeded through the real processes. */
@SpringBootTest(properties = "duban.demo.enabled=true")
@ActiveProfiles("test")
class DemoHospitalTest {

  @Autowired DemoStartup startup;
  @Autowired DepartmentRepository departments;
  @Autowired PersonRepository people;
  @Autowired TaskBookRepository books;
  @Autowired WorkItemRepository items;
  @Autowired EscalationRepository escalations;
  @Autowired TaskService taskService;

  @Test
  void theDemoHasEveryRoleItemsAtDifferentStagesAndIsSeededOnlyOnce() {
    // Given the application started with the demo on
    // Then there are about ten departments and somebody of every role
    assertThat(departments.count()).isGreaterThanOrEqualTo(10);
    for (Role role : Role.values()) {
      assertThat(people.findActiveByRole(role)).as("people with role %s", role).isNotEmpty();
    }
    // and an issued book whose items stand at different stages, some under supervision
    assertThat(books.findAll())
        .anySatisfy(book -> assertThat(book.getStatus()).isEqualTo(TaskBookStatus.ISSUED));
    assertThat(items.findAll())
        .extracting(item -> item.getStage())
        .contains(
            ItemStage.AWAITING_CLAIM,
            ItemStage.DISPUTED,
            ItemStage.IN_PROGRESS,
            ItemStage.REPORTED,
            ItemStage.CLOSED);
    assertThat(escalations.findByStatusOrderByOpenedAtDesc(org.duban.ladder.Escalation.Status.OPEN))
        .isNotEmpty();
    // and the medical department's head has a responsibility book to sign
    assertThat(
            taskService
                .createTaskQuery()
                .taskDefinitionKey("signTaskBook")
                .taskCandidateGroup("dept_medical")
                .count())
        .isEqualTo(1);

    // When the application starts again on the same database
    long departmentCount = departments.count();
    long personCount = people.count();
    long bookCount = books.count();
    long itemCount = items.count();
    startup.run(new DefaultApplicationArguments());

    // Then nothing is seeded twice
    assertThat(departments.count()).isEqualTo(departmentCount);
    assertThat(people.count()).isEqualTo(personCount);
    assertThat(books.count()).isEqualTo(bookCount);
    assertThat(items.count()).isEqualTo(itemCount);
  }
}
