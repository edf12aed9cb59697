package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duban.decomposition.HostileWorkbooks;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Hostile Excel files under the 10 MB upload limit, made here: a zip bomb that inflates to
 * gigabytes, a sheet of a million empty rows, a sheet past its size limit that stays under the
 * ratio guard, and a package of 1,000 parts. Each is refused while it is read, with a Chinese
 * message on the import page, and nothing is stored. The heap each upload took is measured (the
 * peak of the heap in use above the level before it, polled, garbage included) and printed under
 * the suite's table; it is asserted to stay far below what the whole-workbook reader needed.
 */
@Attack(AttackCategory.OVERSIZED)
class ExcelBombAttackTest extends AttackTestSupport {

  /** Generous: the streaming reader holds a few MB; the garbage of parsing is most of this. */
  private static final long HEAP_BOUND = 256L * 1024 * 1024;

  private static final Map<String, Long> PEAKS = new TreeMap<>();

  @Autowired AttackScenes scenes;

  @Test
  void aZipBombThatInflatesToGigabytesIsRefusedWhileRead() throws Exception {
    byte[] bomb = HostileWorkbooks.zipBomb(2);
    assertThat(bomb.length).isLessThan(10 * 1024 * 1024);
    assertRefused("zip bomb of 2 GB", bomb, "压缩炸弹");
  }

  @Test
  void aSheetOfAMillionEmptyRowsIsRefusedWhileRead() throws Exception {
    assertRefused(
        "a million empty rows", HostileWorkbooks.millionEmptyRows(), "超过 100000 行（空行也计算在内）");
  }

  @Test
  void aSheetPastItsSizeLimitUnderTheRatioGuardIsRefusedWhileRead() throws Exception {
    assertRefused("a 45 MB sheet", HostileWorkbooks.largeSheet(45), "压缩炸弹");
  }

  @Test
  void aFileOfAThousandPartsIsRefusedWhileRead() throws Exception {
    assertRefused("1,000 parts", HostileWorkbooks.manyParts(1000), "部件超过 500 个");
  }

  /** Positive control: the same package with ordinary rows goes on to the preview. */
  @Test
  void theSamePackageWithOrdinaryRowsIsTakenForThePreview() throws Exception {
    AttackScenes.Draft draft = scenes.draft("普通分解表");
    String deadline = EngineClock.today().plusDays(100).toString();
    byte[] ordinary =
        HostileWorkbooks.withRows(
            HostileWorkbooks.itemRow(2, "2", "医疗服务", "普通事项", "测试医务部", "测试分管院长", deadline));
    MockHttpServletResponse response =
        mvc.perform(
                multipart("/books/{id}/import", draft.bookId())
                    .file(
                        new MockMultipartFile(
                            "file", "普通.xlsx", "application/octet-stream", ordinary))
                    .with(as("tleader"))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus())
        .as(response.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(302);
    assertThat(response.getRedirectedUrl()).startsWith("/books/" + draft.bookId() + "/import/");
  }

  private void assertRefused(String what, byte[] xlsx, String message) throws Exception {
    AttackScenes.Draft draft = scenes.draft("恶意分解表 " + what);
    DatabaseState before = databaseState();
    MockMultipartFile file =
        new MockMultipartFile("file", "分解表.xlsx", "application/octet-stream", xlsx);
    MockHttpServletResponse response;
    try (HeapPeak heap = new HeapPeak()) {
      response =
          mvc.perform(
                  multipart("/books/{id}/import", draft.bookId())
                      .file(file)
                      .with(as("tleader"))
                      .with(csrf()))
              .andReturn()
              .getResponse();
      synchronized (PEAKS) {
        PEAKS.put(what, heap.peakAboveBaseline());
      }
      assertThat(heap.peakAboveBaseline()).as("heap used reading " + what).isLessThan(HEAP_BOUND);
    }
    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains(message)
        .contains("没有导入任何内容");
    assertNothingChangedSince(before);
  }

  @AfterAll
  static void printTheWorstCase() {
    synchronized (PEAKS) {
      PEAKS.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .ifPresent(
              worst ->
                  AttackSuite.note(
                      String.format(
                          "worst Excel upload: %s, peak heap +%d MiB (all: %s)",
                          worst.getKey(),
                          mib(worst.getValue()),
                          PEAKS.entrySet().stream()
                              .map(e -> e.getKey() + " +" + mib(e.getValue()) + " MiB")
                              .toList())));
    }
  }

  private static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }

  /** The peak of the heap in use while open, above the level after a collection when it opened. */
  private static final class HeapPeak implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private final Thread poller;

    HeapPeak() {
      System.gc();
      baseline = memory.getHeapMemoryUsage().getUsed();
      peak.set(baseline);
      poller =
          new Thread(
              () -> {
                while (running) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  java.util.concurrent.locks.LockSupport.parkNanos(500_000);
                }
              },
              "heap-peak");
      poller.setDaemon(true);
      poller.start();
    }

    long peakAboveBaseline() {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      return Math.max(0, peak.get() - baseline);
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      poller.join();
    }
  }
}
