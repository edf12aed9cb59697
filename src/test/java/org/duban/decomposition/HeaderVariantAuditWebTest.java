package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Adding and removing a decomposition header is written to the audit log, as department aliases
 * are, and the audit page names both acts and the kind of object in the reader's language.
 */
class HeaderVariantAuditWebTest extends DecompositionTestSupport {

  @Autowired HeaderVariantRepository variants;

  private String auditPage(String header, String lang) throws Exception {
    return html(
        mvc.perform(
                get("/admin/audit")
                    .param("subjectType", "decomposition-header")
                    .param("subjectId", header)
                    .param("lang", lang)
                    .with(as("tadmin")))
            .andReturn());
  }

  @Test
  void addingAndRemovingAHeaderIsAudited() throws Exception {
    String header = "审计列名" + UUID.randomUUID().toString().substring(0, 8);

    // When the admin adds the header for 牵头部门
    mvc.perform(
            post("/admin/decomposition-headers")
                .param("column", "LEAD")
                .param("header", header)
                .with(as("tadmin"))
                .with(csrf()))
        .andReturn();
    HeaderVariant added =
        variants.findAll().stream()
            .filter(v -> v.getHeader().equals(header))
            .findFirst()
            .orElseThrow();

    // Then the audit log has the addition, with the column the header stands for
    assertThat(auditPage(header, "zh_CN"))
        .contains("添加分解表列名")
        .contains("分解表列名 " + header)
        .contains("牵头部门")
        .doesNotContain("删除分解表列名");

    // When the admin removes it again
    mvc.perform(
            post("/admin/decomposition-headers/{id}/delete", added.getId())
                .with(as("tadmin"))
                .with(csrf()))
        .andReturn();

    // Then the removal is there too, and in English both are named in English
    assertThat(variants.findById(added.getId())).isEmpty();
    assertThat(auditPage(header, "zh_CN")).contains("添加分解表列名", "删除分解表列名");
    assertThat(auditPage(header, "en"))
        .contains(
            "Add a decomposition table header",
            "Remove a decomposition table header",
            "Decomposition table header " + header);
  }
}
