package org.duban.orgadmin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.duban.WebTestSupport;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditLog;
import org.duban.audit.AuditSearch;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Base of the people and department tests: each test makes its own people and departments (never
 * changing the shared test hospital's) and deactivates them afterwards, so that the groups other
 * tests count stay as they were.
 */
abstract class PeopleTestSupport extends WebTestSupport {

  static final String GOOD_PASSWORD = "Qiming2026";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired protected IdentityService identityService;
  @Autowired protected PeopleAdmin peopleAdmin;
  @Autowired protected DepartmentAdmin departmentAdmin;
  @Autowired protected PersonRepository people;
  @Autowired protected DepartmentRepository departments;
  @Autowired protected AuditLog auditLog;

  private final List<Long> createdPeople = new ArrayList<>();
  private final List<Long> createdDepartments = new ArrayList<>();
  private final List<String> createdTasks = new ArrayList<>();

  @AfterEach
  void deactivateWhatTheTestMade() {
    createdTasks.forEach(
        id -> {
          if (taskService.createTaskQuery().taskId(id).count() > 0) {
            taskService.deleteTask(id, true);
          }
        });
    for (Long id : createdPeople) {
      if (people.findById(id).orElseThrow().isActive()) {
        peopleAdmin.deactivate(id, "test-cleanup");
      }
    }
    createdDepartments.forEach(departmentAdmin::deactivate);
  }

  static String unique(String prefix) {
    return prefix + System.currentTimeMillis() % 100000 + SEQUENCE.incrementAndGet();
  }

  String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /**
   * Posts as the test admin; returns the page when it was refused (200), or null after a redirect.
   */
  String adminPost(String url, String... params) throws Exception {
    MockHttpServletRequestBuilder request = post(url).with(as("tadmin")).with(csrf());
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    var response = mvc.perform(request).andReturn().getResponse();
    if (response.getStatus() == 200) {
      return response.getContentAsString(StandardCharsets.UTF_8);
    }
    if (response.getStatus() != 302) {
      throw new AssertionError("POST " + url + " answered " + response.getStatus());
    }
    return null;
  }

  /** A new department, made by the service and deactivated after the test. */
  Department newDepartment(String name) {
    DepartmentForm form = new DepartmentForm();
    form.setCode(unique("d"));
    form.setName(name + form.getCode());
    form.setKind(DepartmentKind.CLINICAL.name());
    Department department = departmentAdmin.get(departmentAdmin.create(form).id());
    createdDepartments.add(department.getId());
    return department;
  }

  /** A new person, made by the service and deactivated after the test. */
  Person newPerson(String name, Department department, Role role) {
    PersonForm form = new PersonForm();
    form.setUsername(unique("p"));
    form.setFullName(name);
    form.setDepartmentId(department.getId());
    form.setRoles(List.of(role));
    form.setPassword(GOOD_PASSWORD);
    Person person = peopleAdmin.get(peopleAdmin.create(form).id());
    createdPeople.add(person.getId());
    return person;
  }

  /** Marks a person made through the pages for deactivation after the test. */
  void madeByTest(String username) {
    people.findByUsername(username).ifPresent(p -> createdPeople.add(p.getId()));
  }

  /** A task outside any process, assigned to the person, deleted after the test. */
  String standaloneTaskOf(String username, String name) {
    var task = taskService.newTask();
    task.setName(name);
    task.setAssignee(username);
    taskService.saveTask(task);
    createdTasks.add(task.getId());
    return task.getId();
  }

  Set<String> groupsOf(String username) {
    return identityService.createGroupQuery().groupMember(username).list().stream()
        .map(Group::getId)
        .collect(Collectors.toSet());
  }

  List<AuditEvent> audit(String action, String subjectId) {
    return auditLog
        .search(new AuditSearch(null, action, null, subjectId, null, null, null), 0, 100)
        .getContent();
  }
}
