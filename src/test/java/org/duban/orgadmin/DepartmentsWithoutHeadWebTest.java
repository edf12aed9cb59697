package org.duban.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.duban.org.Department;
import org.duban.org.Person;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;

/** The admin's list of departments names, at its top, the departments nobody could act for. */
class DepartmentsWithoutHeadWebTest extends PeopleTestSupport {

  @Test
  void aDepartmentWithNobodyWhoCouldActIsListedAtTheTopUntilItHasAHead() throws Exception {
    // Given a new department with only a staff member in it
    Department ward = newDepartment("无负责人病区");
    newPerson("病区干事", ward, Role.STAFF);

    // Then the list of departments names it at the top, and marks its row
    String page = html(get("/admin/departments").with(as("tadmin")));
    assertThat(topList(page)).contains(ward.getName()).doesNotContain("测试医务部");
    assertThat(page).contains("无人可办理");

    // When a head is named, it leaves the list
    Person head = newPerson("病区主任", ward, Role.STAFF);
    departmentAdmin.lead(ward.getId(), head.getId(), List.of());
    assertThat(topList(html(get("/admin/departments").with(as("tadmin")))))
        .doesNotContain(ward.getName());
  }

  /** The block above the table that names the departments nobody could act for. */
  private static String topList(String page) {
    int start = page.indexOf("departments-without-head");
    if (start < 0) {
      return "";
    }
    return page.substring(start, page.indexOf("</div>", start));
  }
}
