package org.duban.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a benchmark ran on, printed beside its figures: the box is shared, so load matters.
 */
final class BenchmarkMachine {

  private BenchmarkMachine() {}

  /** The 1-, 5- and 15-minute load averages, as /proc/loadavg has them. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return String.format(
          "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Cores, RAM, JDK and the load now, in one line. */
  static String describe() {
    long ramKb = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          ramKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return String.format(
        "%d cores, %.1f GiB RAM, JDK %s (%s), load average %s, %s",
        Runtime.getRuntime().availableProcessors(),
        ramKb / 1024.0 / 1024.0,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        load(),
        String.join(" ", List.of(System.getProperty("os.name"), System.getProperty("os.arch"))));
  }
}
