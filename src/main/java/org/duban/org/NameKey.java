package org.duban.org;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name as Duban compares names typed by people and written in hospitals' tables: spaces of any
 * width do not count (tables align "王 伟"), full-width brackets, letters and digits are the
 * half-width ones (副院长（业务） is 副院长(业务)), 〔〕 and 【】 are brackets too, case does not count.
 */
public final class NameKey {

  private NameKey() {}

  public static String of(String name) {
    if (name == null) {
      return "";
    }
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFKC)
            .replace('〔', '(')
            .replace('〕', ')')
            .replace('【', '[')
            .replace('】', ']');
    return folded.replaceAll("[\\s\\u00A0\\u3000\\u200B\\uFEFF]+", "").toLowerCase(Locale.ROOT);
  }
}
