package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Words for people live in the message bundles (src/main/resources/i18n), so that every page,
 * history entry and notification has its English: no Chinese in a string or character literal of
 * src/main/java, outside the demo's seed data ({@code org/duban/demo}) and the files below, where
 * Chinese is a data format that Duban reads or writes, not words it says. Comments may hold
 * Chinese. Chinese here means the CJK ideographs; punctuation alone (、：（）) is not counted, as the
 * parsers split on it.
 */
class NoChineseInJavaTest {

  static final Path SOURCES = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");

  /** Files (relative to src/main/java) where Chinese is a data format, each with the reason. */
  static final Map<String, String> DATA_FORMATS =
      Map.ofEntries(
          Map.entry(
              "org/duban/decomposition/DecompositionColumn.java",
              "the decomposition sheet's column headers and the header variants hospitals write"),
          Map.entry(
              "org/duban/decomposition/IndicatorCells.java",
              "the comparison and trend phrases (不低于, 持续提升…) the sheet's indicator cells are parsed for"),
          Map.entry(
              "org/duban/decomposition/DeadlineParser.java",
              "the date phrase (2026年6月30日) the sheet's deadline cells are parsed for"),
          Map.entry(
              "org/duban/decomposition/UnmatchedNames.java",
              "the title words (院长, 主任…) that tell a leader's title from a name in the sheet"),
          Map.entry(
              "org/duban/decomposition/WorkbookStyles.java",
              "the font's name (宋体) as Excel knows it"),
          Map.entry(
              "org/duban/book/IndicatorSign.java",
              "the words in an indicator's name (增长, 差额…) that mark a figure that may be negative"),
          Map.entry(
              "org/duban/assessment/Weights.java",
              "党建 as it appears in the goal-area names people write, matched for the party-building weight"),
          Map.entry(
              "org/duban/calendar/YearArrangement.java",
              "the words of the State Council's holiday arrangement (放假, 上班) the calendar import reads"),
          Map.entry(
              "org/duban/calendar/engine/WorkingDayDescription.java",
              "the working-day phrase (5个工作日) the timer parser reads in BPMN timer definitions"));

  private static final Pattern CHINESE =
      Pattern.compile("[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+([0-9a-fA-F]{4})");

  @Test
  void noChineseInStringLiteralsOutsideTheDemoAndTheDataFormats() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : javaFiles()) {
      String name = SOURCES.relativize(file).toString().replace('\\', '/');
      if (name.startsWith("org/duban/demo/") || DATA_FORMATS.containsKey(name)) {
        continue;
      }
      chineseLiterals(Files.readString(file, StandardCharsets.UTF_8))
          .forEach(literal -> found.add(name + ":" + literal));
    }
    assertThat(found)
        .as(
            "Chinese in Java string literals: move the words to src/main/resources/i18n (<name>.properties and"
                + " <name>_en.properties), or, where Chinese is a data format Duban parses or writes, add the file"
                + " to NoChineseInJavaTest.DATA_FORMATS with the reason")
        .isEmpty();
  }

  /** The list must not outlive its reasons: every file on it exists and still holds Chinese. */
  @Test
  void everyDataFormatFileStillHoldsChinese() throws IOException {
    for (String name : DATA_FORMATS.keySet()) {
      Path file = SOURCES.resolve(name);
      assertThat(file).as("listed in DATA_FORMATS").exists();
      assertThat(chineseLiterals(Files.readString(file, StandardCharsets.UTF_8)))
          .as(
              "%s is listed in DATA_FORMATS but holds no Chinese literal: take it off the list",
              name)
          .isNotEmpty();
    }
  }

  @Test
  void literalsAreFoundAndCommentsAreNot() {
    String source =
        String.join(
            "\n",
            "/** 注释：\"不算\" */",
            "class A {",
            "  // 行注释 \"也不算\"",
            "  String a = \"ok \\\" 中文\";",
            "  char c = '督';",
            "  String b = \"\\u4e2d\";",
            "  String t = \"\"\"",
            "      块文本",
            "      \"\"\";",
            "  String url = \"http://example.org\"; /* 块注释 */ String e = \"English\";",
            "}");
    assertThat(chineseLiterals(source))
        .containsExactly(
            "4: \"ok \\\" 中文\"", "5: '督'", "6: \"\\u4e2d\"", "7: \"\"\"\n      块文本\n      \"\"\"");
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /**
   * The literals holding Chinese, each as "line: literal": strings, text blocks and characters, not
   * comments.
   */
  static List<String> chineseLiterals(String source) {
    List<String> found = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        while (end > 0 && source.charAt(end - 1) == '\\') {
          end = source.indexOf("\"\"\"", end + 1);
        }
        end = end < 0 ? n : end + 3;
        check(source.substring(i, end), line, found);
        line += count(source, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, n);
        check(source.substring(i, end), line, found);
        i = end;
      } else {
        if (c == '\n') {
          line++;
        }
        i++;
      }
    }
    return found;
  }

  private static void check(String literal, int line, List<String> found) {
    if (CHINESE.matcher(literal).find() || CHINESE.matcher(unescaped(literal)).find()) {
      found.add(line + ": " + literal);
    }
  }

  private static String unescaped(String literal) {
    Matcher escape = UNICODE_ESCAPE.matcher(literal);
    StringBuilder text = new StringBuilder();
    while (escape.find()) {
      escape.appendReplacement(
          text,
          Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
    }
    escape.appendTail(text);
    return text.toString();
  }

  private static int count(String source, int from, int to) {
    int lines = 0;
    for (int k = from; k < to; k++) {
      if (source.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
