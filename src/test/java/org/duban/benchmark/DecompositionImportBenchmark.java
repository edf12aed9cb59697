package org.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.IssuedItemFixture;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.decomposition.DecompositionImportService;
import org.duban.decomposition.DecompositionImportService.Imported;
import org.duban.decomposition.DecompositionImportService.Uploaded;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Imports a 2,000-row decomposition table and prints how long reading/checking and writing took and
 * the heap's peak. A benchmark, not a test: it runs only with {@code mvn -Pbenchmark test} and
 * asserts no timing.
 */
@SpringBootTest
@ActiveProfiles("test")
class DecompositionImportBenchmark {

  private static final int ROWS = 2000;
  private static final String[] AREAS = {"党建引领", "学科建设", "人才队伍", "医疗服务"};
  private static final String[] DEPARTMENTS = {"测试医务部", "测试护理部", "测试信息中心"};

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired DecompositionImportService imports;

  @Test
  void importTwoThousandRows() throws Exception {
    hospital.ensure();
    TaskBook book = fixture.draft("基准测试-2000行分解表");
    byte[] file = table(EngineClock.today().plusDays(200));

    resetPeaks();
    long start = System.nanoTime();
    Uploaded uploaded =
        imports.upload(
            book.getId(), "benchmark.xlsx", file, hospital.user(IssuedItemFixture.ISSUER));
    long checked = System.nanoTime();
    Imported imported =
        imports.confirm(book.getId(), uploaded.uploadId(), hospital.user(IssuedItemFixture.ISSUER));
    long written = System.nanoTime();
    long peak = heapPeak();

    assertThat(imported.created()).isEqualTo(ROWS);
    System.out.printf(
        "%n| decomposition import | %,d rows, %,d KiB file |%n", ROWS, file.length / 1024);
    System.out.printf("|---|---|%n");
    System.out.printf("| read and check (upload) | %,d ms |%n", (checked - start) / 1_000_000);
    System.out.printf("| write items (confirm) | %,d ms |%n", (written - checked) / 1_000_000);
    System.out.printf("| total | %,d ms |%n", (written - start) / 1_000_000);
    System.out.printf("| heap peak during import | %,d MiB |%n%n", peak / (1024 * 1024));
  }

  private static byte[] table(LocalDate deadline) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("分解表");
      String[] header = {"序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "完成时限"};
      Row head = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        head.createCell(i).setCellValue(header[i]);
      }
      for (int r = 1; r <= ROWS; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(String.valueOf(r));
        row.createCell(1).setCellValue(AREAS[r % AREAS.length]);
        row.createCell(2).setCellValue("第" + r + "项重点工作：完善制度并按季度推进落实");
        row.createCell(3).setCellValue("完成率达到100%，形成可验收的佐证材料");
        row.createCell(4).setCellValue(DEPARTMENTS[r % DEPARTMENTS.length]);
        row.createCell(5).setCellValue(DEPARTMENTS[(r + 1) % DEPARTMENTS.length]);
        row.createCell(6).setCellValue("测试分管院长");
        row.createCell(7).setCellValue(deadline.toString());
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
