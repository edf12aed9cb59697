package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.duban.book.TaskBook;
import org.junit.jupiter.api.Test;

/**
 * Deleting a draft by its id: only its drafter, the supervision office or an admin may; another
 * leader or a department head is refused (403) and nothing changes, its task stays open.
 */
@Attack(AttackCategory.FORGED_ID)
class DraftDeletionAttackTest extends AttackTestSupport {

  @Test
  void anotherLeaderCannotDeleteSomeoneElsesDraft() throws Exception {
    refusedFor("treviewer");
  }

  @Test
  void aDepartmentHeadCannotDeleteADraft() throws Exception {
    refusedFor("tmedhead");
  }

  @Test
  @Attack(AttackCategory.CSRF)
  void theDraftersOwnDeletionWithoutTheCsrfTokenIsRefused() throws Exception {
    TaskBook draft = fixture.draft("跨站伪造删除草稿");
    DatabaseState before = databaseState();

    mvc.perform(post("/books/{id}/delete", draft.getId()).with(as("tleader")))
        .andExpect(status().isForbidden());

    assertNothingChangedSince(before);
    assertThat(
            taskService.createTaskQuery().processInstanceId(draft.getProcessInstanceId()).count())
        .isEqualTo(1);
  }

  private void refusedFor(String username) throws Exception {
    TaskBook draft = fixture.draft("他人不能删除的草稿" + username);
    DatabaseState before = databaseState();

    mvc.perform(post("/books/{id}/delete", draft.getId()).with(as(username)).with(csrf()))
        .andExpect(status().isForbidden());

    assertNothingChangedSince(before);
    assertThat(
            taskService.createTaskQuery().processInstanceId(draft.getProcessInstanceId()).count())
        .isEqualTo(1);
  }
}
