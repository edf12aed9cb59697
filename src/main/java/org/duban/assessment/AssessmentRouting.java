package org.duban.assessment;

import java.util.Collection;
import java.util.List;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works on the {@code yearEndAssessment} tasks, read by the model's expressions: one review per
 * lead department, by its group; an appeal goes to the leaders in charge of the department's items
 * (any active leader when none is active).
 */
@Component("assessmentRouting")
public class AssessmentRouting {

  private final AssessmentService service;
  private final DepartmentRepository departments;
  private final PersonRepository people;

  AssessmentRouting(
      AssessmentService service, DepartmentRepository departments, PersonRepository people) {
    this.service = service;
    this.departments = departments;
    this.people = people;
  }

  public Collection<Long> departmentIds(Long assessmentId) {
    return service.departmentIds(assessmentId);
  }

  @Transactional(readOnly = true)
  public String departmentGroup(Long departmentId) {
    return departments.findById(departmentId).map(Department::groupId).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Collection<String> appealLeaders(Long assessmentId, Long departmentId) {
    List<String> inCharge =
        people.findAllById(service.leaderIds(assessmentId, departmentId)).stream()
            .filter(p -> p.isActive() && p.has(Role.LEADER))
            .map(Person::getUsername)
            .sorted()
            .toList();
    if (!inCharge.isEmpty()) {
      return inCharge;
    }
    return people.findActiveByRole(Role.LEADER).stream().map(Person::getUsername).toList();
  }
}
